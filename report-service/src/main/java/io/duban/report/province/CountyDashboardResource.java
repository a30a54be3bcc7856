package io.duban.report.province;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.report.common.AsOf;
import io.duban.report.dashboard.Dashboard;
import io.duban.report.dashboard.DashboardService;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One county's dashboard for a prefecture or province that covers it: the same numbers the county's own
 * supervisors see, read-only (the path is not under {@code /regions/{region}}, whose tokens must be the
 * county's own). Opened from the province view's summary by county.
 */
@Path("/api/v1/counties/{county}/dashboard")
@Tag(name = "province", description = "省、市视图：辖区各县汇总")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
public class CountyDashboardResource {

    @Inject
    DashboardService dashboards;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getCountyDashboard", summary = "辖区内一个县的督办看板（只读；省、市令牌）",
            description = "逐月办理情况（monthlyTrend）默认取该县工作方案的年度（不晚于 asOf 所在年的最近一年），"
                    + "而不是 asOf 所在年：从上级看一个 2023 年的县，趋势图是 2023 年的；trendYear= 可另指定。"
                    + "应答的 trendYear 为所用年度。")
    public Uni<Dashboard> dashboard(@PathParam("county") String county, @QueryParam("asOf") String asOf,
                                    @QueryParam("trendYear") String trendYear) {
        String own = caller.isSystem() ? "*" : caller.region().filter(r -> !r.equals("*"))
                .orElseThrow(() -> ProblemException.forbidden("令牌缺少行政区划（region）。"));
        return dashboards.dashboard(RegionScope.requireCovered(own, county), null, AsOf.orToday(asOf),
                DashboardService.trendYear(trendYear));
    }
}
