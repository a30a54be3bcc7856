package io.duban.report.dashboard;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The region's dashboard in one request. Region-wide numbers: not for unit tokens. */
@Path("/api/v1/regions/{region}/dashboard")
@Tag(name = "dashboard", description = "督办看板")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService dashboards;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @Operation(operationId = "getDashboard", summary = "督办看板：各状态数、按时办结率、单位逾期排名、10 个工作日内到期、月度趋势、待复核事项",
            description = "逐月办理情况（monthlyTrend）取工作方案的年度（指定 planId 时为该方案的年度；否则为不晚于 asOf 所在年的最近一年），"
                    + "trendYear= 可另指定；应答的 trendYear 为所用年度。")
    public Uni<Dashboard> dashboard(@PathParam("region") String region, @QueryParam("asOf") String asOf,
                                    @QueryParam("planId") String planId, @QueryParam("trendYear") String trendYear) {
        return dashboards.dashboard(region, Ids.optional("planId", planId), AsOf.orToday(asOf),
                DashboardService.trendYear(trendYear));
    }
}
