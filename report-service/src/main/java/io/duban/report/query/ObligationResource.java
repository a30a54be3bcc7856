package io.duban.report.query;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ListRequest;
import io.duban.report.common.AsOf;
import io.duban.common.web.Ids;
import io.duban.report.obligation.ObligationLight;
import io.duban.report.obligation.ObligationStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * 应办事项 of a region judged as of a day. A {@code unit} token sees only its own unit's rows
 * (no unitId means its own; another unit's is 403).
 */
@Path("/api/v1/regions/{region}")
@Tag(name = "obligations", description = "应办事项与逾期")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
public class ObligationResource {

    @Inject
    ObligationQueries queries;

    @Inject
    Caller caller;

    @GET
    @Path("/obligations")
    @Operation(operationId = "listObligations", summary = "应办事项列表（按到期日排序，可按单位、方案、状态、到期区间、红黄蓝灯筛选）",
            description = "按页码（page=，默认带 total）或按游标（after= 上一页的 next，只在 total=true 时计数）翻页；每页带 next。")
    public Uni<ObligationQueries.ObligationPage> obligations(@PathParam("region") String region,
                                                             @QueryParam("unitId") String unitId,
                                                             @QueryParam("planId") String planId,
                                                             @QueryParam("status") List<String> status,
                                                             @QueryParam("dueFrom") String dueFrom,
                                                             @QueryParam("dueTo") String dueTo,
                                                             @QueryParam("asOf") String asOf,
                                                             @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
                                                             @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size,
                                                             @QueryParam("after") String after,
                                                             @QueryParam("total") String total,
                                                             @QueryParam("light") List<String> light) {
        ObligationFilter f = new ObligationFilter(region, AsOf.orToday(asOf), scopedUnit(unitId),
                Ids.optional("planId", planId), statuses(status), AsOf.date("dueFrom", dueFrom), AsOf.date("dueTo", dueTo))
                .withLights(lights(light));
        String scope = scope("obligations", f);
        return queries.page(f, scope, ListRequest.of(page, size, after, total, scope, ObligationQueries.SORT_KEY));
    }

    @GET
    @Path("/overdue")
    @Operation(operationId = "listOverdue", summary = "逾期未办结事项，最严重者在前（按到期日排序）",
            description = "按页码（page=，默认带 total）或按游标（after= 上一页的 next，只在 total=true 时计数）翻页；每页带 next。")
    public Uni<ObligationQueries.ObligationPage> overdue(@PathParam("region") String region,
                                                         @QueryParam("unitId") String unitId,
                                                         @QueryParam("planId") String planId,
                                                         @QueryParam("asOf") String asOf,
                                                         @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
                                                         @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size,
                                                         @QueryParam("after") String after,
                                                         @QueryParam("total") String total) {
        ObligationFilter f = ObligationFilter.region(region, AsOf.orToday(asOf)).withUnit(scopedUnit(unitId))
                .withPlan(Ids.optional("planId", planId)).withStatuses(List.of(ObligationStatus.OVERDUE.name()));
        String scope = scope("overdue", f);
        return queries.page(f, scope, ListRequest.of(page, size, after, total, scope, ObligationQueries.SORT_KEY));
    }

    /**
     * What a cursor of a list is bound to: the list, region and filters. Not the day asked about: a position in
     * due-date order means the same on another day (a walk across midnight goes on).
     */
    private static String scope(String list, ObligationFilter f) {
        return list + "|" + f.region() + "|" + f.unitId() + "|" + f.planId() + "|" + f.statuses() + "|" + f.dueFrom() + "|" + f.dueTo()
                + "|" + f.lights();
    }

    /** The unit a request may see: a unit token only its own. */
    private String scopedUnit(String unitId) {
        if (unitId != null && !unitId.isBlank()) {
            caller.requireUnitAccess(unitId);
            return unitId;
        }
        return caller.isUnitScoped() ? caller.unitId().orElseThrow(() -> ProblemException.forbidden("单位账号缺少单位标识。")) : null;
    }

    /** light=RED,YELLOW (may repeat): the 红黄蓝灯 asked for. */
    static List<String> lights(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : raw) {
            for (String s : part.split(",")) {
                String v = s.trim().toUpperCase();
                if (v.isEmpty()) {
                    continue;
                }
                if (Arrays.stream(ObligationLight.values()).noneMatch(x -> x.name().equals(v))) {
                    throw ProblemException.invalidField("light", "light 应为 BLUE、YELLOW 或 RED，收到："
                            + (v.length() > 20 ? v.substring(0, 20) : v));
                }
                out.add(v);
            }
        }
        return out.isEmpty() ? null : out;
    }

    static List<String> statuses(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : raw) {
            for (String s : part.split(",")) {
                String v = s.trim().toUpperCase();
                if (v.isEmpty()) {
                    continue;
                }
                if (Arrays.stream(ObligationStatus.values()).noneMatch(x -> x.name().equals(v))) {
                    throw ProblemException.invalidField("status", "status 应为 " + Arrays.toString(ObligationStatus.values())
                            + " 之一，收到：" + (v.length() > 20 ? v.substring(0, 20) : v));
                }
                out.add(v);
            }
        }
        return out.isEmpty() ? null : out;
    }
}
