package io.duban.report.urge;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 催办 with receipts: the supervisor urges a unit; the unit marks it read (已阅). */
@Path("/api/v1/regions/{region}/urges")
@Tag(name = "supervision", description = "督办：延期申请、整改销号、催办、红黄蓝灯、日历订阅")
@Produces(MediaType.APPLICATION_JSON)
public class UrgeResource {

    @Inject
    UrgeService urges;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "urgeUnit", summary = "催办一个单位（指定事项、逾期检查问题，或不指定即其全部逾期事项）；立即经通知渠道发送；"
            + "同一事项每个工作日只催办一次；支持 Idempotency-Key")
    @APIResponse(responseCode = "201", description = "已记录并排队发送的催办",
            content = @Content(schema = @Schema(implementation = Urge.class)))
    @APIResponse(responseCode = "409", description = "今天已就其中的事项催办过（urgeId 为第一次的催办）")
    @APIResponse(responseCode = "422", description = "单位没有通知渠道，或没有可催办的逾期事项")
    public Uni<Response> urge(@PathParam("region") String region, @HeaderParam("Idempotency-Key") String key,
                              @Valid @NotNull Urge.NewUrge body) {
        return urges.urge(region, body, key, caller.name())
                .map(r -> Locations.created("/api/v1/regions/" + region + "/urges/" + r.value().id()).entity(r.value()).build());
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listUrges", summary = "催办列表（最新在前；status=UNREAD|READ；单位账号只见本单位）")
    @APIResponse(responseCode = "200", description = "一页催办")
    public Uni<Page<Urge>> list(@PathParam("region") String region, @QueryParam("unitId") String unitId,
                                @QueryParam("status") String status, @QueryParam("page") String page,
                                @QueryParam("size") String size) {
        String s = status == null || status.isBlank() ? null : status.trim().toUpperCase();
        if (s != null && !s.equals(Urge.UNREAD) && !s.equals(Urge.READ)) {
            throw ProblemException.invalidField("status", "status 应为 UNREAD 或 READ。");
        }
        return urges.list(region, UnitScopes.filter(caller, unitId), s, Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getUrge", summary = "一次催办及其签收情况")
    @APIResponse(responseCode = "200", description = "催办", content = @Content(schema = @Schema(implementation = Urge.class)))
    public Uni<Urge> get(@PathParam("region") String region, @PathParam("id") String id) {
        return urges.get(region, Ids.path(id, "催办"), UnitScopes.of(caller));
    }

    @POST
    @Path("/{id}/receipt")
    @RolesAllowed(Roles.UNIT)
    @Operation(operationId = "acknowledgeUrge", summary = "签收催办（已阅；记录签收人与时间，重复签收返回第一次的记录）")
    @APIResponse(responseCode = "200", description = "已签收的催办", content = @Content(schema = @Schema(implementation = Urge.class)))
    public Uni<Urge> receipt(@PathParam("region") String region, @PathParam("id") String id) {
        return urges.receipt(region, Ids.path(id, "催办"), UnitScopes.of(caller), caller.name());
    }
}
