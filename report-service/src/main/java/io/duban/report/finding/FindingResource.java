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
import java.util.List;
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
    @Operation(operationId = "listFindings", summary = "检查问题列表（含已被更正的记录，voidedBy 标明），单位账号只见本单位")
    public Uni<List<Finding>> list(@PathParam("region") String region, @QueryParam("unitId") String unitId,
                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        String unit;
        if (unitId != null && !unitId.isBlank()) {
            caller.requireUnitAccess(unitId);
            unit = unitId.trim();
        } else {
            unit = caller.isUnitScoped() ? caller.unitId().orElseThrow(() -> ProblemException.forbidden("单位账号缺少单位标识。"))
                    : null;
        }
        return findings.list(region, unit, AsOf.date("from", from), AsOf.date("to", to));
    }
}
