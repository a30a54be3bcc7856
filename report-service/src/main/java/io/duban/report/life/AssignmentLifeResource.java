package io.duban.report.life;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.report.common.AsOf;
import io.duban.common.web.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** 签收 judged: the assignments not signed for within the region's window. A unit token sees only its own. */
@Tag(name = "acknowledgements", description = "签收：逾期未签收的责任分解")
@Path("/api/v1/regions/{region}/acknowledgements/overdue")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentLifeResource {

    @Inject
    AssignmentLifeQueries queries;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listOverdueAcknowledgements", summary = "逾期未签收：超过签收时限（工作日）仍未签收的，或逾期后才签收的责任分解")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM, Roles.UNIT})
    public Uni<List<LateAcknowledgement>> overdue(@PathParam("region") String region, @QueryParam("asOf") String asOf,
            @QueryParam("unitId") String unitId, @QueryParam("planId") String planId) {
        String unit = unitId == null || unitId.isBlank() ? null : unitId.trim();
        if (caller.isUnitScoped()) {
            String own = caller.unitId().orElseThrow(() -> ProblemException.forbidden("单位账号的令牌缺少 unit 声明。"));
            if (unit != null && !unit.equals(own)) {
                throw ProblemException.forbidden("单位账号只能查看本单位的签收情况。");
            }
            unit = own;
        }
        return queries.overdue(region, AsOf.orToday(asOf), unit, Ids.optional("planId", planId));
    }
}
