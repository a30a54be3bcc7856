package io.duban.console.workbench;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Agenda;
import io.duban.console.api.ReportModels.Obligation;
import io.duban.console.api.ReportModels.OngoingItem;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.Assignment;
import io.duban.console.api.TaskModels.Dispute;
import io.duban.console.api.TaskModels.LedgerEntry;
import io.duban.console.api.TaskModels.NewLedgerEntry;
import io.duban.console.api.TaskModels.Review;
import io.duban.console.api.TaskModels.NewReport;
import io.duban.console.api.TaskModels.Report;
import io.duban.console.api.TaskModels.Task;
import io.duban.console.common.Chrome;
import io.duban.console.common.Dates;
import io.duban.console.common.FormErrors;
import io.duban.console.common.Today;
import io.duban.console.plan.PlanTable;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.duban.console.session.SessionCodec;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 我的工作台: a unit user's items grouped overdue / due soon / open / ongoing / done (report-service's
 * agenda of its own unit) with what still waits for 签收 (task-service), and one item with its history and
 * the unit's actions on it: 签收, 上报进展 (a DONE report goes to 办结审核 when the region requires it; the
 * reasons of a 退回 are shown), 申诉, and the 工作台账 row with 报送 of the plan's ledger. Another unit's item is
 * task-service's 404, shown as the 404 page.
 */
@Path("/workbench")
@Produces(MediaType.TEXT_HTML)
public class WorkbenchPages {

    @CheckedTemplate(basePath = "workbench")
    static class Templates {
        static native TemplateInstance workbench(Chrome chrome, WorkbenchView view, String saved, Integer signed);

        static native TemplateInstance item(Chrome chrome, ItemView view, Entered entered, FormErrors errors);
    }

    /** An obligation with the working days left until it is due (null when past). */
    public record Item(Obligation o, Integer workdaysLeft) {
    }

    /** One group of the agenda. */
    public record Group(String key, String title, List<Item> items) {
    }

    /** An assignment waiting for 签收, with the task's number and requirement as the agenda names them. */
    public record ToAcknowledge(Assignment assignment, Integer taskSeq, String requirement) {
    }

    public record WorkbenchView(String unitName, LocalDate asOf, boolean today, List<Group> groups,
                                List<OngoingItem> ongoing, int total, List<ToAcknowledge> toAcknowledge,
                                String idempotencyKey) {
    }

    public record ItemView(Assignment assignment, String etag, Task task, String ruleWords, List<Report> reports,
                           List<Review> reviews, List<Dispute> disputes, boolean disputeOpen, LedgerEntry ledger,
                           String ledgerEtag, Keys keys, String saved, LocalDate today) {

        public boolean pendingAck() {
            return "PENDING_ACK".equals(assignment.status());
        }

        public boolean pendingReview() {
            return "PENDING_REVIEW".equals(assignment.status());
        }

        /** The last 退回 when the unit has not reported since: what it must fix. */
        public Review lastReturn() {
            return reviews.isEmpty() || !"RETURN".equals(reviews.get(reviews.size() - 1).decision()) ? null
                    : reviews.get(reviews.size() - 1);
        }
    }

    /** A fresh Idempotency-Key per form, so a double submit is one fact. */
    public record Keys(String report, String acknowledge, String dispute, String submit) {
    }

    /** The progress form as entered. */
    public record ReportForm(String status, String note, String evidenceUrls, String completedOn) {
    }

    /** The 工作台账 form as entered (or as saved). */
    public record LedgerForm(String office, String owner, String ownerPhone, String measures, String plannedOn) {

        static LedgerForm of(LedgerEntry e) {
            return e == null ? new LedgerForm("", "", "", "", "")
                    : new LedgerForm(e.office(), e.owner(), e.ownerPhone() == null ? "" : e.ownerPhone(), e.measures(),
                    e.plannedOn() == null ? "" : e.plannedOn().toString());
        }
    }

    /** What the person typed into the item's forms, and which form the errors belong to. */
    public record Entered(String form, ReportForm report, LedgerForm ledger, String disputeReason) {

        public boolean failed(String name) {
            return name.equals(form);
        }
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
    public Uni<TemplateInstance> workbench(@QueryParam("asOf") String asOfParam, @QueryParam("saved") String saved,
                                           @QueryParam("n") Integer signed) {
        Session s = current.require("unit");
        LocalDate asOf = Today.asOf(asOfParam);
        return Uni.combine().all().unis(report.agenda(s, s.unitId(), asOf), tasks.pendingAcknowledgements(s)).asTuple()
                .map(t -> view(t.getItem1(), asOf, t.getItem2(), codec.randomToken()))
                .flatMap(v -> named(s, v))
                .map(v -> Templates.workbench(Chrome.of(s, "workbench"), v, saved, signed));
    }

    public static WorkbenchView view(Agenda a, LocalDate asOf, List<Assignment> pendingAck, String idempotencyKey) {
        List<Group> groups = List.of(
                group("overdue", "逾期未办", a.overdue(), asOf),
                group("dueSoon", "即将到期", a.dueSoon(), asOf),
                group("open", "未到期", a.open(), asOf),
                group("done", "已办结", a.done(), asOf));
        int total = groups.stream().mapToInt(g -> g.items().size()).sum() + a.ongoing().size();
        Map<String, Obligation> byAssignment = new HashMap<>();
        groups.forEach(g -> g.items().forEach(i -> byAssignment.putIfAbsent(i.o().assignmentId(), i.o())));
        Map<String, OngoingItem> byTask = new HashMap<>();
        a.ongoing().forEach(o -> byTask.putIfAbsent(o.taskId(), o));
        List<ToAcknowledge> toAck = pendingAck.stream().map(x -> {
            Obligation o = byAssignment.get(x.id());
            if (o != null) {
                return new ToAcknowledge(x, o.taskSeq(), o.requirement());
            }
            OngoingItem g = byTask.get(x.taskId());
            return new ToAcknowledge(x, g == null ? null : g.taskSeq(), g == null ? "" : g.requirement());
        }).toList();
        return new WorkbenchView(a.unitName(), asOf, asOf.equals(Today.date()), groups, a.ongoing(), total, toAck,
                idempotencyKey);
    }

    /**
     * Assignments waiting for 签收 that the agenda does not name (a task whose 时限 was not understood has no dated
     * duty yet) get their task's number and requirement from task-service, together.
     */
    private Uni<WorkbenchView> named(Session s, WorkbenchView v) {
        List<ToAcknowledge> unnamed = v.toAcknowledge().stream().filter(a -> a.taskSeq() == null).limit(50).toList();
        if (unnamed.isEmpty()) {
            return Uni.createFrom().item(v);
        }
        List<Uni<Task>> reads = unnamed.stream().map(a -> tasks.task(s, a.assignment().taskId()).map(t -> t.value())
                .onFailure(ApiProblem.class).recoverWithNull()).toList();
        return Uni.join().all(reads).andFailFast().map(found -> {
            Map<String, Task> byId = new HashMap<>();
            found.stream().filter(java.util.Objects::nonNull).forEach(t -> byId.put(t.id(), t));
            List<ToAcknowledge> all = v.toAcknowledge().stream().map(a -> {
                Task t = a.taskSeq() == null ? byId.get(a.assignment().taskId()) : null;
                return t == null ? a : new ToAcknowledge(a.assignment(), t.seq(), t.requirement());
            }).toList();
            return new WorkbenchView(v.unitName(), v.asOf(), v.today(), v.groups(), v.ongoing(), v.total(), all,
                    v.idempotencyKey());
        });
    }

    private static Group group(String key, String title, List<Obligation> os, LocalDate asOf) {
        return new Group(key, title, (os == null ? List.<Obligation>of() : os).stream()
                .map(o -> new Item(o, Workdays.left(asOf, o.dueOn()))).toList());
    }

    @GET
    @Path("items/{id}")
    public Uni<TemplateInstance> item(@PathParam("id") String id, @QueryParam("saved") String saved) {
        Session s = current.require("unit");
        return itemView(s, id, saved).map(v -> Templates.item(Chrome.of(s, "workbench"), v,
                new Entered(null, new ReportForm(v.assignment().status(), "", "", ""), LedgerForm.of(v.ledger()), ""),
                FormErrors.NONE));
    }

    @POST
    @Path("items/{id}/reports")
    public Uni<Response> reportProgress(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                        @RestForm String etag, @RestForm String idempotencyKey, @RestForm String status,
                                        @RestForm String note, @RestForm String evidenceUrls, @RestForm String completedOn) {
        Session s = unitForm(csrf);
        ReportForm form = new ReportForm(status, note, evidenceUrls, completedOn);
        List<String> urls = evidenceUrls == null ? List.of()
                : Arrays.stream(evidenceUrls.split("\\R")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        NewReport body = new NewReport(status, blank(note), urls.isEmpty() ? null : urls,
                "DONE".equals(status) ? blank(completedOn) : null);
        return done(tasks.report(s, id, etag, idempotencyKey, body), id, "report")
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                        ledger -> new Entered("report", form, ledger, "")));
    }

    @POST
    @Path("items/{id}/acknowledgement")
    public Uni<Response> acknowledge(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String etag,
                                     @RestForm String idempotencyKey, @RestForm String back) {
        Session s = unitForm(csrf);
        Uni<Void> ack = tasks.acknowledge(s, id, etag, idempotencyKey);
        if ("workbench".equals(back)) {
            // from the list: back to it; a refusal (someone signed meanwhile) shows on the item page
            return ack.map(v -> Response.seeOther(URI.create("/workbench?saved=ack")).build())
                    .onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                            ledger -> new Entered("ack", null, ledger, "")));
        }
        return done(ack, id, "ack").onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                ledger -> new Entered("ack", null, ledger, "")));
    }

    /**
     * 全部签收: every assignment the list showed, each with the version it showed (a 签收 of one that changed since is
     * refused by task-service and simply stays in the list), a few at a time.
     */
    @POST
    @Path("acknowledgements")
    public Uni<Response> acknowledgeAll(@RestForm("_csrf") String csrf, @RestForm String idempotencyKey,
                                        @RestForm("ack") List<String> shown) {
        Session s = unitForm(csrf);
        List<String[]> pairs = (shown == null ? List.<String>of() : shown).stream().map(v -> v.split(":", 2))
                .filter(p -> p.length == 2 && p[1].matches("\\d{1,18}")).toList();
        return Multi.createFrom().iterable(pairs)
                .onItem().transformToUni(p -> tasks.acknowledge(s, p[0], "\"" + p[1] + "\"", idempotencyKey + "-" + p[0])
                        .replaceWith(1).onFailure(WorkbenchPages::refused).recoverWithItem(0))
                .merge(4)
                .collect().with(Collectors.summingInt(Integer::intValue))
                .map(n -> Response.seeOther(URI.create("/workbench?saved=ack&n=" + n)).build());
    }

    @POST
    @Path("items/{id}/disputes")
    public Uni<Response> dispute(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                 @RestForm String idempotencyKey, @RestForm String reason) {
        Session s = unitForm(csrf);
        return done(tasks.raiseDispute(s, id, idempotencyKey, blank(reason)), id, "dispute")
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                        ledger -> new Entered("dispute", null, ledger, reason == null ? "" : reason)));
    }

    @POST
    @Path("items/{id}/ledger")
    public Uni<Response> ledger(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String etag,
                                @RestForm String office, @RestForm String owner, @RestForm String ownerPhone,
                                @RestForm String measures, @RestForm String plannedOn) {
        Session s = unitForm(csrf);
        LedgerForm form = new LedgerForm(office, owner, ownerPhone, measures, plannedOn);
        NewLedgerEntry body = new NewLedgerEntry(blank(office), blank(owner), blank(ownerPhone), blank(measures),
                Dates.iso(plannedOn));
        return done(tasks.saveLedger(s, id, etag, body), id, "ledger")
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                        saved -> new Entered("ledger", null, form, "")));
    }

    @POST
    @Path("items/{id}/ledger-submission")
    public Uni<Response> submitLedger(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                      @RestForm String planId, @RestForm String idempotencyKey) {
        Session s = unitForm(csrf);
        return done(tasks.submitLedger(s, s.unitId(), planId, idempotencyKey).replaceWithVoid(), id, "submitted")
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                        ledger -> new Entered("submit", null, ledger, "")));
    }

    private Session unitForm(String csrf) {
        current.require("unit");
        return current.checkCsrf(csrf);
    }

    private static Uni<Response> done(Uni<Void> action, String id, String saved) {
        return action.map(v -> Response.seeOther(URI.create("/workbench/items/" + id + "?saved=" + saved)).build());
    }

    /** What a service refuses for what was entered (shown next to the fields), not a failure of the page. */
    static boolean refused(Throwable e) {
        return e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 412
                || p.status() == 422 || p.status() == 428);
    }

    private Uni<Response> again(Session s, String id, ApiProblem p, java.util.function.Function<LedgerForm, Entered> entered) {
        return itemView(s, id, null).map(v -> Response.status(p.status() == 409 || p.status() == 412 ? 409 : 400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.item(Chrome.of(s, "workbench"), v, withReportDefault(entered.apply(LedgerForm.of(v.ledger())), v),
                        FormErrors.of(p)).render())
                .build());
    }

    private static Entered withReportDefault(Entered e, ItemView v) {
        return e.report() != null ? e : new Entered(e.form(), new ReportForm(v.assignment().status(), "", "", ""),
                e.ledger(), e.disputeReason());
    }

    private Uni<ItemView> itemView(Session s, String id, String saved) {
        // the assignment first: another unit's is a 404 before anything else is asked
        return tasks.assignment(s, id).flatMap(a -> Uni.combine().all()
                .unis(tasks.task(s, a.value().taskId()), tasks.reports(s, id), tasks.reviews(s, id),
                        tasks.disputes(s, null), tasks.ledger(s, id))
                .asTuple()
                .map(t -> {
                    List<Dispute> mine = t.getItem4().stream().filter(d -> id.equals(d.assignmentId())).toList();
                    boolean open = mine.stream().anyMatch(d -> "OPEN".equals(d.status()));
                    Keys keys = new Keys(codec.randomToken(), codec.randomToken(), codec.randomToken(), codec.randomToken());
                    return new ItemView(a.value(), a.etag(), t.getItem1().value(), PlanTable.ruleWords(t.getItem1().value()),
                            newestFirst(t.getItem2()), t.getItem3(), mine, open, t.getItem5().value(), t.getItem5().etag(),
                            keys, saved, Today.date());
                }));
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
