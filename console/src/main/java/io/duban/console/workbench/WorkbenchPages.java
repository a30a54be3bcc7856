package io.duban.console.workbench;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Agenda;
import io.duban.console.api.ReportModels.Obligation;
import io.duban.console.api.ReportModels.OngoingItem;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.Assignment;
import io.duban.console.api.TaskModels.NewReport;
import io.duban.console.api.TaskModels.Report;
import io.duban.console.api.TaskModels.Task;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.duban.console.common.Today;
import io.duban.console.plan.PlanTable;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.duban.console.session.SessionCodec;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 我的工作台: a unit user's items grouped overdue / due soon / open / ongoing / done (report-service's
 * agenda of its own unit), and one item with its history and the progress report form (task-service).
 * Another unit's item is task-service's 404, shown as the 404 page.
 */
@Path("/workbench")
@Produces(MediaType.TEXT_HTML)
public class WorkbenchPages {

    @CheckedTemplate(basePath = "workbench")
    static class Templates {
        static native TemplateInstance workbench(Chrome chrome, WorkbenchView view);

        static native TemplateInstance item(Chrome chrome, ItemView view, ReportForm form, FormErrors errors);
    }

    /** An obligation with the working days left until it is due (null when past). */
    public record Item(Obligation o, Integer workdaysLeft) {
    }

    /** One group of the agenda. */
    public record Group(String key, String title, List<Item> items) {
    }

    public record WorkbenchView(String unitName, LocalDate asOf, List<Group> groups, List<OngoingItem> ongoing,
                                int total) {
    }

    public record ItemView(Assignment assignment, String etag, Task task, String ruleWords, List<Report> reports,
                           String idempotencyKey, boolean saved, LocalDate today) {
    }

    /** The progress form as entered. */
    public record ReportForm(String status, String note, String evidenceUrls, String completedOn) {
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @Inject
    TaskClient tasks;

    @Inject
    SessionCodec codec;

    @GET
    public Uni<TemplateInstance> workbench(@QueryParam("asOf") String asOfParam) {
        Session s = current.require("unit");
        LocalDate asOf = Today.asOf(asOfParam);
        return report.agenda(s, s.unitId(), asOf).map(a -> Templates.workbench(Chrome.of(s, "workbench"), view(a, asOf)));
    }

    public static WorkbenchView view(Agenda a, LocalDate asOf) {
        List<Group> groups = List.of(
                group("overdue", "逾期未办", a.overdue(), asOf),
                group("dueSoon", "即将到期", a.dueSoon(), asOf),
                group("open", "未到期", a.open(), asOf),
                group("done", "已办结", a.done(), asOf));
        int total = groups.stream().mapToInt(g -> g.items().size()).sum() + a.ongoing().size();
        return new WorkbenchView(a.unitName(), asOf, groups, a.ongoing(), total);
    }

    private static Group group(String key, String title, List<Obligation> os, LocalDate asOf) {
        return new Group(key, title, (os == null ? List.<Obligation>of() : os).stream()
                .map(o -> new Item(o, Workdays.left(asOf, o.dueOn()))).toList());
    }

    @GET
    @Path("items/{id}")
    public Uni<TemplateInstance> item(@PathParam("id") String id, @QueryParam("saved") String saved) {
        Session s = current.require("unit");
        return itemView(s, id, saved != null).map(v -> Templates.item(Chrome.of(s, "workbench"), v,
                new ReportForm(v.assignment().status(), "", "", ""), FormErrors.NONE));
    }

    @POST
    @Path("items/{id}/reports")
    public Uni<Response> reportProgress(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                        @RestForm String etag, @RestForm String idempotencyKey, @RestForm String status,
                                        @RestForm String note, @RestForm String evidenceUrls, @RestForm String completedOn) {
        current.require("unit");
        Session s = current.checkCsrf(csrf);
        ReportForm form = new ReportForm(status, note, evidenceUrls, completedOn);
        List<String> urls = evidenceUrls == null ? List.of()
                : Arrays.stream(evidenceUrls.split("\\R")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        NewReport body = new NewReport(status, blank(note), urls.isEmpty() ? null : urls,
                "DONE".equals(status) ? blank(completedOn) : null);
        return tasks.report(s, id, etag, idempotencyKey, body)
                .map(v -> Response.seeOther(URI.create("/workbench/items/" + id + "?saved=1")).build())
                .onFailure(e -> e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 412
                        || p.status() == 422 || p.status() == 428))
                .recoverWithUni(e -> itemView(s, id, false).map(v -> Response.status(400)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.item(Chrome.of(s, "workbench"), v, form, FormErrors.of((ApiProblem) e)).render())
                        .build()));
    }

    private Uni<ItemView> itemView(Session s, String id, boolean saved) {
        return tasks.assignment(s, id).flatMap(a -> Uni.combine().all()
                .unis(tasks.task(s, a.value().taskId()), tasks.reports(s, id)).asTuple()
                .map(t -> new ItemView(a.value(), a.etag(), t.getItem1().value(), PlanTable.ruleWords(t.getItem1().value()),
                        newestFirst(t.getItem2()), codec.randomToken(), saved, Today.date())));
    }

    private static List<Report> newestFirst(List<Report> reports) {
        List<Report> r = new java.util.ArrayList<>(reports);
        java.util.Collections.reverse(r);
        return r;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
