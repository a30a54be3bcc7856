package io.duban.report.province;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.report.common.AsOf;
import io.duban.report.dashboard.DashboardETags;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Views above one county: a province ({@code 370000}) or prefecture ({@code 370300}) token, or a
 * {@code system} token, sees the counties its code covers (see {@link RegionScope}).
 */
@Path("/api/v1/overdue/summary")
@Tag(name = "province", description = "省、市视图：辖区各县汇总")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
public class ProvinceResource {

    @Inject
    OverdueSummaryCache queries;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "summarizeOverdue", summary = "辖区内各县逾期未办结事项数（按行政区划代码前缀汇总；带 ETag，数据未变时 If-None-Match 得 304）")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverdueSummary.class)))
    @APIResponse(responseCode = "304", description = "数据未变（If-None-Match 与当前 ETag 相同）")
    public Uni<Response> overdue(@QueryParam("regionPrefix") String regionPrefix, @QueryParam("asOf") String asOf,
                                 @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // "*" is the system tokens' wildcard; any other caller must hold a 6-digit code (checked by RegionScope)
        String own = caller.isSystem() ? "*" : caller.region().filter(r -> !r.equals("*"))
                .orElseThrow(() -> ProblemException.forbidden("令牌缺少行政区划（region）。"));
        String prefix = RegionScope.resolve(own, Optional.ofNullable(regionPrefix));
        LocalDate day = AsOf.orToday(asOf);
        return queries.version(prefix).chain(version -> {
            String etag = DashboardETags.ofSummary(version, day, prefix);
            if (DashboardETags.matches(ifNoneMatch, etag)) {
                return Uni.createFrom().item(DashboardETags.notModified(etag));
            }
            return queries.overdue(prefix, day, version).map(v -> DashboardETags.ok(v.summary(), etag));
        });
    }
}
