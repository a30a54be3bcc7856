package io.duban.report.finding;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.Locations;
import io.duban.report.common.AsOf;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import io.duban.common.web.ETags;
import io.duban.common.web.Ids;
import io.duban.common.web.Page;
import io.duban.common.web.Paging;
import io.duban.report.common.UnitScopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 抽测/检查问题: the supervisor records them; a unit reads its own. */
@Path("/api/v1/regions/{region}/findings")
@Tag(name = "findings", description = "检查问题（抽测、检查发现的问题与扣分）")
@Produces(MediaType.APPLICATION_JSON)
public class FindingResource {

    @Inject
    FindingService findings;

    @Inject
    Caller caller;

    @Inject
    RectificationService rectifications;

    private static final Set<String> STATES = Set.of(RectificationRules.OPEN, RectificationRules.RECTIFIED,
            RectificationRules.CLOSED, RectificationRules.NOT_REQUIRED, "OVERDUE");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "recordFinding", summary = "记录检查问题（只增不改：更正时新记一条并以 voids 指向被更正的一条；支持 Idempotency-Key）")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Finding.class)))
    public Uni<Response> record(@PathParam("region") String region, @HeaderParam("Idempotency-Key") String key,
                                @Valid @NotNull(message = "缺少请求体") NewFinding body) {
        // a retry answers as the first request did: 201 with the same finding
        return findings.record(region, body, key, caller.name()).map(r -> Locations
                .created("/api/v1/regions/" + region + "/findings?unitId=" + r.finding().unitId())
                .entity(r.finding()).build());
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listFindings", summary = "检查问题列表（分页；含已被更正的记录，voidedBy 标明；status 按整改状态筛选，"
            + "OVERDUE = 截至 asOf 逾期未整改），单位账号只见本单位")
    @APIResponse(responseCode = "200", description = "一页检查问题（按发现日期）")
    public Uni<Page<Finding>> list(@PathParam("region") String region, @QueryParam("unitId") String unitId,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("status") String status, @QueryParam("asOf") String asOf,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        String state = status == null || status.isBlank() ? null : status.trim().toUpperCase();
        if (state != null && !STATES.contains(state)) {
            throw ProblemException.invalidField("status", "status 应为 OPEN、RECTIFIED、CLOSED、NOT_REQUIRED 或 OVERDUE。");
        }
        return findings.page(region, UnitScopes.filter(caller, unitId), AsOf.date("from", from), AsOf.date("to", to), state,
                AsOf.orToday(asOf), Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getFinding", summary = "一条检查问题及其整改、复核记录（ETag 为整改状态的版本，复核时作 If-Match）")
    @APIResponse(responseCode = "200", description = "检查问题与整改记录",
            content = @Content(schema = @Schema(implementation = Rectification.History.class)))
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        return rectifications.history(region, Ids.path(id, "检查问题"), UnitScopes.of(caller)).map(FindingResource::withETag);
    }

    @POST
    @Path("/{id}/rectifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT, Roles.SUPERVISOR})
    @Operation(operationId = "reportRectification", summary = "报送整改情况（待整改 → 已整改；支持 Idempotency-Key）")
    @APIResponse(responseCode = "201", description = "已报送的整改",
            content = @Content(schema = @Schema(implementation = Rectification.Report.class)))
    @APIResponse(responseCode = "409", description = "已整改待复核、已销号、无需整改或已被更正")
    public Uni<Response> rectify(@PathParam("region") String region, @PathParam("id") String id,
                                 @HeaderParam("Idempotency-Key") String key, @Valid @NotNull Rectification.NewReport body) {
        UUID findingId = Ids.path(id, "检查问题");
        return rectifications.rectify(region, findingId, UnitScopes.of(caller), body, key, caller.name())
                .map(r -> Locations.created("/api/v1/regions/" + region + "/findings/" + findingId).entity(r.value()).build());
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "verifyRectification", summary = "复核整改（PASS 销号，FAIL 退回重新整改，期限不变；需 If-Match）")
    @APIResponse(responseCode = "200", description = "复核后的检查问题与整改记录",
            content = @Content(schema = @Schema(implementation = Rectification.History.class)))
    @APIResponse(responseCode = "409", description = "尚未报送整改或已销号")
    public Uni<Response> verify(@PathParam("region") String region, @PathParam("id") String id,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull Rectification.NewVerification body) {
        return rectifications.verify(region, Ids.path(id, "检查问题"), body, ifMatch, caller.name())
                .map(FindingResource::withETag);
    }

    private static Response withETag(Rectification.History h) {
        return Response.ok(h).header(HttpHeaders.ETAG, ETags.of(h.finding().version())).build();
    }
}
