package io.duban.report.subscription;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.report.common.UnitScopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A unit's calendar subscription. Calendar clients (Outlook, WPS, phones) cannot send a bearer token, so
 * the feed is opened by the per-unit key in its URL. The path parameter is {@code regionCode}, not
 * {@code region}, on purpose: the region guard checks {@code {region}} against a token, and this request
 * has none — the key is its credential, checked here.
 */
@Path("/api/v1/regions/{regionCode}/units/{unitId}")
@Tag(name = "supervision", description = "督办：延期申请、整改销号、催办、红黄蓝灯、日历订阅")
public class CalendarFeedResource {

    private static final Pattern REGION = Pattern.compile("\\d{6}");
    static final String TEXT_CALENDAR = "text/calendar";

    @Inject
    CalendarFeedService feeds;

    @Inject
    Caller caller;

    @GET
    @Path("/calendar.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR + ";charset=utf-8")
    @Operation(operationId = "unitCalendarFeed", summary = "单位督办日历（iCalendar 订阅，含未办结事项；凭 key 访问，无需令牌）")
    @APIResponse(responseCode = "200", description = "iCalendar（RFC 5545）",
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "缺少 key、key 错误或已更换")
    public Uni<Response> feed(@PathParam("regionCode") String region, @PathParam("unitId") String unitId,
                              @QueryParam("key") String key) {
        if (!REGION.matcher(region).matches()) {
            throw ProblemException.notFound("日历订阅不存在或链接已失效。");
        }
        return feeds.feed(region, unitId, key).map(ics -> Response.ok(ics, TEXT_CALENDAR + ";charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"duban.ics\"").header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/calendar-key")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT})
    @Operation(operationId = "rotateCalendarKey", summary = "生成或更换单位日历订阅的 key（旧链接立即失效）")
    @APIResponse(responseCode = "200", description = "新的 key 与订阅路径",
            content = @Content(schema = @Schema(implementation = CalendarFeedService.IssuedKey.class)))
    public Uni<CalendarFeedService.IssuedKey> rotate(@PathParam("regionCode") String region, @PathParam("unitId") String unitId) {
        // a token here: the same tenant check the region guard makes for {region} paths
        if (!REGION.matcher(region).matches() || !(caller.region().orElse("").equals(region))) {
            throw ProblemException.forbidden("访问令牌不属于行政区划 " + (region.length() > 20 ? region.substring(0, 20) : region) + "。");
        }
        String scope = UnitScopes.of(caller);
        if (scope != null && !scope.equals(unitId)) {
            throw ProblemException.notFound("本区域的任务分解中没有该单位。");
        }
        return feeds.rotate(region, unitId, caller.name());
    }
}
