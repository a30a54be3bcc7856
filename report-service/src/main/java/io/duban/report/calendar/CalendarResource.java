package io.duban.report.calendar;

import io.duban.common.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.deadlines.calendar.CalendarCoverage;
import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.deadlines.calendar.YearSchedule;
import io.duban.deadlines.calendar.YearScheduleValidator;
import io.duban.deadlines.calendar.YearSchedules;
import io.duban.report.common.AsOf;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The 工作日 calendar: national, so outside {@code /regions/{region}}. Every role may read it; a
 * supervisor (of any region) or a system token may upload a year's published schedule.
 */
@Path("/api/v1/calendar")
@Tag(name = "calendar", description = "工作日日历：节假日与调休，工作日计算")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CalendarResource.class);

    private static final int MAX_WORKDAYS = 3650;

    @Inject
    CalendarService calendars;

    @Inject
    Caller caller;

    @GET
    @Path("/{year: \\d{4}}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getCalendarYear", summary = "某年的节假日安排（内置或上传）")
    public Uni<CalendarDtos.YearView> year(@PathParam("year") int year) {
        YearSchedule s = calendars.calendar().schedule(year)
                .orElseThrow(() -> ProblemException.notFound("没有 " + year + " 年的节假日安排（该年的计算按周末推定，标记为暂定）。"));
        return calendars.uploadedAt(year).map(at -> CalendarDtos.YearView.from(s, at));
    }

    @PUT
    @Path("/{year: \\d{4}}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.SYSTEM})
    @Operation(operationId = "uploadCalendarYear", summary = "上传某年的节假日安排，并重算受影响的到期日")
    public Uni<CalendarDtos.UploadResult> upload(@PathParam("year") int year,
            @RequestBody(description = "该年的节假日安排（YearSchedule JSON），或 holiday-cn 的年度文件原样上传",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = YearSchedule.class))) String body) {
        YearSchedule schedule = parse(body);
        List<FieldError> errors = new ArrayList<>();
        if (schedule.year() != year) {
            errors.add(new FieldError("year", "年份 " + schedule.year() + " 与路径中的年份 " + year + " 不一致"));
        }
        YearScheduleValidator.validate(schedule).forEach(p -> errors.add(new FieldError(p.field(), p.message())));
        if (!errors.isEmpty()) {
            throw ProblemException.validation(year + " 年的节假日安排有误，未保存。", errors);
        }
        return calendars.upload(schedule, caller.name()).map(n -> new CalendarDtos.UploadResult(year, "UPLOADED", n));
    }

    /** The project's YearSchedule JSON, or a holiday-cn year file as published (recognised by its "days"). */
    static YearSchedule parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("body", "请求体应为该年的节假日安排 JSON。");
        }
        try {
            boolean holidayCn = body.contains("\"days\"") && !body.contains("\"holidays\"");
            return holidayCn ? YearSchedules.fromHolidayCn(body) : YearSchedules.fromJson(body);
        } catch (IllegalArgumentException e) {
            if (e.getCause() != null) {
                // Jackson's or java.time's own words (class names, positions) stay in the log
                LOG.infof(e, "unreadable year schedule upload");
                throw ProblemException.invalidField("body", "不是有效的节假日安排 JSON（请检查字段、类型与日期格式）。");
            }
            throw ProblemException.invalidField("body", e.getMessage());
        }
    }

    @GET
    @Path("/workdays/add")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "addWorkdays", summary = "某日之后第 N 个工作日（起算日不计入）")
    public CalendarDtos.AddResult add(@QueryParam("from") String from,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "-3650", maximum = "3650")) @QueryParam("workdays") String workdaysParam) {
        LocalDate start = AsOf.required("from", from);
        Integer workdays = QueryParams.integer("workdays", workdaysParam);
        if (workdays == null || Math.abs(workdays) > MAX_WORKDAYS) {
            throw ProblemException.invalidField("workdays", "workdays 应为 -" + MAX_WORKDAYS + " 到 " + MAX_WORKDAYS + " 之间的整数。");
        }
        DueDate d = calendars.calendar().addWorkdays(start, workdays);
        return new CalendarDtos.AddResult(d.date(), d.provisional());
    }

    @GET
    @Path("/workdays/count")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "countWorkdays", summary = "两日之间（含首尾）的工作日数")
    public CalendarDtos.CountResult count(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate a = AsOf.required("from", from);
        LocalDate b = AsOf.required("to", to);
        if (Math.abs(b.toEpochDay() - a.toEpochDay()) > 366L * 20) {
            throw ProblemException.invalidField("to", "区间不能超过 20 年。");
        }
        WorkdayCalendar cal = calendars.calendar();
        CalendarCoverage coverage = a.isAfter(b) ? cal.coverage(b, a) : cal.coverage(a, b);
        return new CalendarDtos.CountResult(cal.countWorkdays(a, b), !coverage.complete());
    }
}
