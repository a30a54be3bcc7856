package io.duban.report.dashboard;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.security.Roles;
import io.duban.report.common.AsOf;
import io.duban.common.web.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The region's dashboard in one request. Region-wide numbers: not for unit tokens. */
@Path("/api/v1/regions/{region}/dashboard")
@Tag(name = "dashboard", description = "督办看板")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardCache dashboards;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @Operation(operationId = "getDashboard", summary = "督办看板：各状态数、按时办结率、单位逾期排名、10 个工作日内到期、月度趋势、待复核事项"
            + "（带 ETag；数据未变时 If-None-Match 得 304）",
            description = "逐月办理情况（monthlyTrend）取工作方案的年度（指定 planId 时为该方案的年度；否则为不晚于 asOf 所在年的最近一年），"
                    + "trendYear= 可另指定；应答的 trendYear 为所用年度。")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Dashboard.class)))
    @APIResponse(responseCode = "304", description = "数据未变（If-None-Match 与当前 ETag 相同）")
    public Uni<Response> dashboard(@PathParam("region") String region, @QueryParam("asOf") String asOf,
                                   @QueryParam("planId") String planId, @QueryParam("trendYear") String trendYear,
                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return conditional(dashboards, region, Ids.optional("planId", planId), AsOf.orToday(asOf),
                DashboardService.trendYear(trendYear), ifNoneMatch);
    }

    /** The dashboard, or 304 when the caller's ETag is current (the data version is read before anything else). */
    public static Uni<Response> conditional(DashboardCache dashboards, String region, UUID planId, LocalDate asOf,
                                            Integer trendYear, String ifNoneMatch) {
        return dashboards.version(region).chain(version -> {
            String etag = DashboardETags.of(version, asOf, planId, trendYear);
            if (DashboardETags.matches(ifNoneMatch, etag)) {
                return Uni.createFrom().item(DashboardETags.notModified(etag));
            }
            return dashboards.dashboard(region, planId, asOf, trendYear, version).map(v -> DashboardETags.ok(v, etag));
        });
    }
}
