package io.duban.report.alert;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.web.Paging;
import io.duban.report.common.AsOf;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * 临期/逾期 alerts: a manual run for a day (backfill, tests; the daily run is scheduled) and the
 * outbox with delivery state. A {@code unit} token lists only its own unit's alerts.
 */
@Path("/api/v1/regions/{region}/alerts")
@Tag(name = "alerts", description = "临期/逾期提醒及其通知渠道")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED");

    @Inject
    AlertRun run;

    @Inject
    AlertQueries queries;

    @Inject
    Caller caller;

    @POST
    @Path("/run")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "runAlerts", summary = "立即为某日生成临期/逾期提醒（非工作日不生成；同一天重复运行不会重复生成）")
    public Uni<AlertRun.RunSummary> run(@PathParam("region") String region, @QueryParam("asOf") String asOf) {
        return run.run(region, AsOf.orToday(asOf));
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listAlerts", summary = "提醒列表及投递状态（可按日期、单位、状态、类型筛选）")
    public Uni<Page<AlertView>> list(@PathParam("region") String region, @QueryParam("date") String date,
                                     @QueryParam("unitId") String unitId, @QueryParam("status") String status,
                                     @QueryParam("kind") String kind,
                                     @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
                                     @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        PageRequest paging = Paging.of(page, size);
        // why a delivery failed concerns who configures the channels (supervisors, operators), not units or viewers
        boolean showErrors = caller.isSupervisor() || caller.isSystem();
        return queries.list(region, AsOf.date("date", date), scopedUnit(unitId), oneOf("status", status, STATUSES),
                oneOf("kind", kind, Arrays.stream(AlertKind.values()).map(Enum::name).toList()), paging)
                .map(p -> showErrors ? p : p.map(AlertView::withoutError));
    }

    private String scopedUnit(String unitId) {
        if (unitId != null && !unitId.isBlank()) {
            caller.requireUnitAccess(unitId);
            return unitId;
        }
        return caller.isUnitScoped() ? caller.unitId().orElseThrow(() -> ProblemException.forbidden("单位账号缺少单位标识。")) : null;
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ProblemException.invalidField(field, field + " 应为 " + String.join("、", allowed) + " 之一");
        }
        return v;
    }
}
