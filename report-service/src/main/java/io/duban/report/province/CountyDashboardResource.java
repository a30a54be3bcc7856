package io.duban.report.province;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.report.common.AsOf;
import io.duban.report.dashboard.Dashboard;
import io.duban.report.dashboard.DashboardCache;
import io.duban.report.dashboard.DashboardResource;
import io.duban.report.dashboard.DashboardService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    DashboardCache dashboards;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getCountyDashboard", summary = "辖区内一个县的督办看板（只读；省、市令牌）",
            description = "逐月办理情况（monthlyTrend）默认取该县工作方案的年度（不晚于 asOf 所在年的最近一年），"
                    + "而不是 asOf 所在年：从上级看一个 2023 年的县，趋势图是 2023 年的；trendYear= 可另指定。"
                    + "应答的 trendYear 为所用年度。")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "304", description = "数据未变（If-None-Match 与当前 ETag 相同）")
    public Uni<Response> dashboard(@PathParam("county") String county, @QueryParam("asOf") String asOf,
                                   @QueryParam("trendYear") String trendYear,
                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        String own = caller.isSystem() ? "*" : caller.region().filter(r -> !r.equals("*"))
                .orElseThrow(() -> ProblemException.forbidden("令牌缺少行政区划（region）。"));
        return DashboardResource.conditional(dashboards, RegionScope.requireCovered(own, county), null, AsOf.orToday(asOf),
                DashboardService.trendYear(trendYear), ifNoneMatch);
    }
}
