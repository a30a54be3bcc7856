package io.duban.report.extension;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.common.web.Ids;
import io.duban.common.web.Locations;
import io.duban.common.web.Page;
import io.duban.common.web.Paging;
import io.duban.report.common.UnitScopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 延期申请 (a unit asks, the supervisor decides) and direct extensions of an obligation's due date. */
@Path("/api/v1/regions/{region}")
@Tag(name = "supervision", description = "督办：延期申请、整改销号、催办、红黄蓝灯、日历订阅")
@Produces(MediaType.APPLICATION_JSON)
public class ExtensionResource {

    private static final Set<String> STATUSES = Set.of(ExtensionRequest.PENDING, ExtensionRequest.APPROVED, ExtensionRequest.REJECTED);

    @Inject
    ExtensionService extensions;

    @Inject
    Caller caller;

    @POST
    @Path("/obligations/{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT, Roles.SUPERVISOR})
    @Operation(operationId = "requestExtension", summary = "申请延期（仅限未逾期、未办结的事项；支持 Idempotency-Key）")
    @APIResponse(responseCode = "201", description = "已提交的延期申请（ETag 为其版本）",
            content = @Content(schema = @Schema(implementation = ExtensionRequest.class)))
    @APIResponse(responseCode = "409", description = "该事项已有待审批的延期申请")
    @APIResponse(responseCode = "422", description = "已逾期、已办结、延至日期不晚于当前到期日或已达延期次数上限")
    public Uni<Response> request(@PathParam("region") String region, @PathParam("id") String id,
                                 @HeaderParam("Idempotency-Key") String key, @Valid @NotNull ExtensionBodies.NewRequest body) {
        UUID obligationId = Ids.path(id, "应办事项");
        return extensions.request(region, obligationId, UnitScopes.of(caller), body, key, caller.name())
                .map(r -> Locations.created("/api/v1/regions/" + region + "/extension-requests/" + r.value().id())
                        .header(HttpHeaders.ETAG, ETags.of(r.value().version())).entity(r.value()).build());
    }

    @GET
    @Path("/extension-requests")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listExtensionRequests", summary = "延期申请列表（最新在前；单位账号只见本单位）")
    @APIResponse(responseCode = "200", description = "一页延期申请")
    public Uni<Page<ExtensionRequest>> list(@PathParam("region") String region, @QueryParam("status") String status,
                                            @QueryParam("unitId") String unitId, @QueryParam("page") String page,
                                            @QueryParam("size") String size) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase();
        if (s != null && !STATUSES.contains(s)) {
            throw ProblemException.invalidField("status", "status 应为 PENDING、APPROVED 或 REJECTED。");
        }
        return extensions.list(region, s, UnitScopes.filter(caller, unitId), Paging.of(page, size));
    }

    @GET
    @Path("/extension-requests/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getExtensionRequest", summary = "一项延期申请（ETag 为其版本，审批时作 If-Match）")
    @APIResponse(responseCode = "200", description = "延期申请",
            content = @Content(schema = @Schema(implementation = ExtensionRequest.class)))
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        return extensions.get(region, Ids.path(id, "延期申请"), UnitScopes.of(caller))
                .map(r -> Response.ok(r).header(HttpHeaders.ETAG, ETags.of(r.version())).build());
    }

    @POST
    @Path("/extension-requests/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "decideExtensionRequest", summary = "审批延期申请（APPROVE 可批准较早的日期；需 If-Match）")
    @APIResponse(responseCode = "200", description = "审批后的延期申请",
            content = @Content(schema = @Schema(implementation = ExtensionRequest.class)))
    @APIResponse(responseCode = "409", description = "已审批过")
    @APIResponse(responseCode = "422", description = "批准日期晚于申请日期、不晚于当前到期日或已达延期次数上限")
    public Uni<Response> decide(@PathParam("region") String region, @PathParam("id") String id,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ExtensionBodies.Decision body) {
        return extensions.decide(region, Ids.path(id, "延期申请"), body, ifMatch, caller.name())
                .map(r -> Response.ok(r).header(HttpHeaders.ETAG, ETags.of(r.version())).build());
    }

    @POST
    @Path("/obligations/{id}/extensions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "extendObligation", summary = "直接延期（督办部门，如政策调整后；支持 Idempotency-Key）")
    @APIResponse(responseCode = "201", description = "已批准的延期",
            content = @Content(schema = @Schema(implementation = Extension.class)))
    @APIResponse(responseCode = "422", description = "已办结、延至日期不晚于当前到期日或已达延期次数上限")
    public Uni<Response> extend(@PathParam("region") String region, @PathParam("id") String id,
                                @HeaderParam("Idempotency-Key") String key, @Valid @NotNull ExtensionBodies.Direct body) {
        UUID obligationId = Ids.path(id, "应办事项");
        return extensions.extend(region, obligationId, body, key, caller.name())
                .map(r -> Locations.created("/api/v1/regions/" + region + "/obligations/" + obligationId + "/extensions")
                        .entity(r.value()).build());
    }

    @GET
    @Path("/obligations/{id}/extensions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listObligationExtensions", summary = "一项应办事项的延期记录：现行到期日、原到期日与各次延期")
    @APIResponse(responseCode = "200", description = "延期记录",
            content = @Content(schema = @Schema(implementation = ExtensionService.History.class)))
    public Uni<ExtensionService.History> history(@PathParam("region") String region, @PathParam("id") String id) {
        return extensions.history(region, Ids.path(id, "应办事项"), UnitScopes.of(caller));
    }
}
