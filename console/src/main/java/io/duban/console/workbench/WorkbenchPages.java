package io.duban.console.workbench;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels;
import io.duban.console.api.ReportModels.Agenda;
import io.duban.console.api.ReportModels.ExtensionRequest;
import io.duban.console.api.ReportModels.Finding;
import io.duban.console.api.ReportModels.Urge;
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
import io.duban.console.session.ConsoleConfig;
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
import java.util.ArrayList;
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
 * reasons of a 退回 are shown), 申诉, the 工作台账 row with 报送 of the plan's ledger, and 申请延期 (the due date in
 * force beside the original one). Above the list: unread 催办 with 已阅, the findings to 整改, and the unit's calendar
 * subscription. Another unit's item is task-service's 404, shown as the 404 page.
 */
@Path("/workbench")
@Produces(MediaType.TEXT_HTML)
public class WorkbenchPages {

    @CheckedTemplate(basePath = "workbench")
    static class Templates {
        static native TemplateInstance workbench(Chrome chrome, WorkbenchView view, String saved, Integer signed,
                                                 String calendarUrl, FormErrors errors);

        static native TemplateInstance item(Chrome chrome, ItemView view, Entered entered, FormErrors errors);
    }

    /** An obligation with the working days left until it is due (null when past). */
    public record Item(Obligation o, Integer workdaysLeft) {

        /** The ids of the supervisor's 直接延期 fields for this obligation (the unit page). */
        public String extendField() {
            return "dueOn-" + o.id();
        }

        public String reasonField() {
            return "extendReason-" + o.id();
        }
    }

    /** One group of the agenda. */
    public record Group(String key, String title, List<Item> items) {
    }

    /** An assignment waiting for 签收, with the task's number and requirement as the agenda names them. */
    public record ToAcknowledge(Assignment assignment, Integer taskSeq, String requirement) {
    }

    public record WorkbenchView(String unitName, LocalDate asOf, boolean today, List<Group> groups,
                                List<OngoingItem> ongoing, int total, List<ToAcknowledge> toAcknowledge,
                                String idempotencyKey, Chased chased) {

        WorkbenchView with(List<ToAcknowledge> toAck) {
            return new WorkbenchView(unitName, asOf, today, groups, ongoing, total, toAck, idempotencyKey, chased);
        }

        WorkbenchView with(Chased c) {
            return new WorkbenchView(unitName, asOf, today, groups, ongoing, total, toAcknowledge, idempotencyKey, c);
        }
    }

    /** What the 大数据中心 chases the unit with: urges (unread first) and findings to rectify. */
    public record Chased(List<Urge> unread, List<Urge> read, List<Rectifying> findings) {

        static final Chased NONE = new Chased(List.of(), List.of(), List.of());

        public long overdueFindings() {
            return findings.stream().filter(f -> "OVERDUE".equals(f.state())).count();
        }
    }

    /**
     * A finding of the unit that still needs 整改 or waits for 复核: its state as the unit reads it (TODO 待整改,
     * OVERDUE 逾期未整改, RECTIFIED 已整改), working days left or late to {@code rectifyBy}, and the comment of the
     * last 复核 that sent it back.
     */
    public record Rectifying(Finding finding, String state, Integer workdaysLeft, Integer workdaysLate,
                             ReportModels.Verification lastFail) {

        static Rectifying of(Finding f, LocalDate asOf, ReportModels.Verification lastFail) {
            String state = "RECTIFIED".equals(f.rectification()) ? "RECTIFIED"
                    : f.rectifyBy() != null && f.rectifyBy().isBefore(asOf) ? "OVERDUE" : "TODO";
            return new Rectifying(f, state, Workdays.left(asOf, f.rectifyBy()), Workdays.late(asOf, f.rectifyBy()),
                    lastFail);
        }
    }

    /**
     * One dated duty of the item with its due date in force, the derived one beside it, the extensions granted and the
     * unit's requests; {@code canRequest} while it is open, not overdue, no request is pending and the region's limit of
     * extensions is not reached ({@code allowed}; report-service refuses a request beyond it).
     */
    public record Due(Obligation o, Integer workdaysLeft, List<ReportModels.GrantedExtension> extensions,
                      List<ExtensionRequest> requests, boolean canRequest, int allowed) {

        static Due of(Obligation o, Integer workdaysLeft, List<ReportModels.GrantedExtension> granted,
                      List<ExtensionRequest> asked, int allowed) {
            boolean pending = asked.stream().anyMatch(r -> "PENDING".equals(r.status()));
            boolean open = "OPEN".equals(o.status()) || "DUE_SOON".equals(o.status());
            return new Due(o, workdaysLeft, granted, asked, open && !pending && granted.size() < allowed, allowed);
        }

        /** Open and not overdue, nothing pending, but extended as often as the region allows: no form, a sentence. */
        public boolean atLimit() {
            boolean open = "OPEN".equals(o.status()) || "DUE_SOON".equals(o.status());
            return open && !canRequest && extensions.size() >= allowed
                    && requests.stream().noneMatch(r -> "PENDING".equals(r.status()));
        }

        public String dateField() {
            return "requestedDueOn-" + o.id();
        }

        public String reasonField() {
            return "extReason-" + o.id();
        }
    }

    /** The 申请延期 form as entered, and for which obligation. */
    public record ExtensionForm(String obligationId, String requestedDueOn, String reason) {

        static final ExtensionForm NONE = new ExtensionForm("", "", "");

        public boolean of(String id) {
            return obligationId.equals(id);
        }
    }

    public record ItemView(Assignment assignment, String etag, Task task, String ruleWords, List<Report> reports,
                           List<Review> reviews, List<Dispute> disputes, boolean disputeOpen, LedgerEntry ledger,
                           String ledgerEtag, Keys keys, String saved, LocalDate today, List<Due> dues) {

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
    public record Keys(String report, String acknowledge, String dispute, String submit, String extension) {
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
    public record Entered(String form, ReportForm report, LedgerForm ledger, String disputeReason,
                          ExtensionForm extension) {

        public Entered(String form, ReportForm report, LedgerForm ledger, String disputeReason) {
            this(form, report, ledger, disputeReason, ExtensionForm.NONE);
        }

        public boolean failed(String name) {
            return name.equals(form);
        }

        /** The date typed into one obligation's 申请延期 form (empty for the others). */
        public String extensionDate(String obligationId) {
            return extension.of(obligationId) ? extension.requestedDueOn() : "";
        }

        public String extensionReason(String obligationId) {
            return extension.of(obligationId) ? extension.reason() : "";
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

    @Inject
    ConsoleConfig config;

    /**
     * The workbench; {@code ?obligation=} (the link of an event in the unit's calendar feed) opens the item of that
     * obligation, and is the 404 page when the unit's agenda does not hold it (another unit's, or withdrawn).
     */
    @GET
    public Uni<Response> workbench(@QueryParam("asOf") String asOfParam, @QueryParam("saved") String saved,
                                   @QueryParam("n") Integer signed, @QueryParam("obligation") String obligation) {
        Session s = current.require("unit");
        if (obligation != null && !obligation.isBlank()) {
            return report.agenda(s, s.unitId(), Today.date()).map(a -> {
                Obligation o = allOf(a).stream().filter(x -> obligation.strip().equals(x.id())).findFirst()
                        .orElseThrow(() -> new ApiProblem(404, "not-found", "未找到该事项。", List.of(), null));
                return Response.seeOther(URI.create("/workbench/items/" + o.assignmentId())).build();
            });
        }
        return page(s, Today.asOf(asOfParam), saved, signed, null, FormErrors.NONE)
                .map(t -> html(200, t));
    }

    private Uni<TemplateInstance> page(Session s, LocalDate asOf, String saved, Integer signed, String calendarUrl,
                                       FormErrors errors) {
        return Uni.combine().all().unis(report.agenda(s, s.unitId(), asOf), tasks.pendingAcknowledgements(s),
                        report.urges(s, s.unitId(), null), report.findingsOfUnit(s, s.unitId())).asTuple()
                .map(t -> view(t.getItem1(), asOf, t.getItem2(), codec.randomToken())
                        .with(new Chased(t.getItem3().stream().filter(u -> "UNREAD".equals(u.status())).toList(),
                                t.getItem3().stream().filter(u -> !"UNREAD".equals(u.status())).toList(),
                                t.getItem4().stream().filter(f -> f.current() && ("OPEN".equals(f.rectification())
                                        || "RECTIFIED".equals(f.rectification())))
                                        .map(f -> Rectifying.of(f, asOf, null)).toList())))
                .flatMap(v -> named(s, v))
                .flatMap(v -> failComments(s, v))
                .map(v -> Templates.workbench(Chrome.of(s, "workbench"), v, saved, signed, calendarUrl, errors));
    }

    /** The 不通过 comments of open findings that were sent back (read together, at most 20). */
    private Uni<WorkbenchView> failComments(Session s, WorkbenchView v) {
        List<Rectifying> open = v.chased().findings().stream().filter(f -> !"RECTIFIED".equals(f.state())).limit(20).toList();
        if (open.isEmpty()) {
            return Uni.createFrom().item(v);
        }
        List<Uni<ReportModels.FindingHistory>> reads = open.stream().map(f -> report.finding(s, f.finding().id())
                .map(h -> h.value()).onFailure(ApiProblem.class).recoverWithNull()).toList();
        return Uni.join().all(reads).andFailFast().map(found -> {
            Map<String, ReportModels.Verification> fails = new HashMap<>();
            found.stream().filter(h -> h != null && h.lastFail() != null).forEach(h -> fails.put(h.finding().id(), h.lastFail()));
            List<Rectifying> rows = v.chased().findings().stream().map(f -> fails.containsKey(f.finding().id())
                    ? Rectifying.of(f.finding(), v.asOf(), fails.get(f.finding().id())) : f).toList();
            return v.with(new Chased(v.chased().unread(), v.chased().read(), rows));
        });
    }

    /** 已阅: the unit's receipt of an urge. */
    @POST
    @Path("urges/{id}/receipt")
    public Uni<Response> readUrge(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        Session s = unitForm(csrf);
        return report.readUrge(s, id).map(v -> Response.seeOther(URI.create("/workbench?saved=urgeRead#urges")).build());
    }

    /**
     * 生成/更换订阅链接: a new calendar key for the unit; the feed's URL is shown once on the page that answers (the
     * old link stops working), never put in a redirect.
     */
    @POST
    @Path("calendar-key")
    public Uni<Response> calendarKey(@RestForm("_csrf") String csrf) {
        Session s = unitForm(csrf);
        return report.rotateCalendarKey(s, s.unitId())
                .flatMap(k -> page(s, Today.date(), "calendarKey", null, calendarBase() + k.path(), FormErrors.NONE))
                .map(t -> html(200, t))
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> page(s, Today.date(), null, null, null,
                        FormErrors.of((ApiProblem) e)).map(t -> html(400, t)));
    }

    private String calendarBase() {
        String b = config.calendarBaseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static Response html(int status, TemplateInstance t) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    private static List<Obligation> allOf(Agenda a) {
        List<Obligation> all = new ArrayList<>();
        for (List<Obligation> g : Arrays.asList(a.overdue(), a.dueSoon(), a.open(), a.done())) {
            if (g != null) {
                all.addAll(g);
            }
        }
        return all;
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
                idempotencyKey, Chased.NONE);
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
            return v.with(all);
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

    /** 申请延期 of one of the item's obligations. */
    @POST
    @Path("items/{id}/extension-requests")
    public Uni<Response> requestExtension(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                          @RestForm String idempotencyKey, @RestForm String obligationId,
                                          @RestForm String requestedDueOn, @RestForm String reason) {
        Session s = unitForm(csrf);
        ExtensionForm form = new ExtensionForm(obligationId == null ? "" : obligationId,
                requestedDueOn == null ? "" : requestedDueOn, reason == null ? "" : reason);
        return done(report.requestExtension(s, obligationId, idempotencyKey,
                new ReportModels.NewExtensionRequest(Dates.iso(requestedDueOn), blank(reason))), id, "extension")
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e,
                        ledger -> new Entered("extension", null, ledger, "", form)));
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
                e.ledger(), e.disputeReason(), e.extension());
    }

    private Uni<ItemView> itemView(Session s, String id, String saved) {
        // the assignment first: another unit's is a 404 before anything else is asked
        LocalDate today = Today.date();
        return tasks.assignment(s, id).flatMap(a -> Uni.combine().all()
                .unis(tasks.task(s, a.value().taskId()), tasks.reports(s, id), tasks.reviews(s, id),
                        tasks.disputes(s, null), tasks.ledger(s, id), report.agenda(s, s.unitId(), today),
                        report.extensionRequests(s, null, s.unitId()))
                .asTuple()
                .flatMap(t -> dues(s, id, today, t.getItem6(), t.getItem7()).map(dues -> {
                    List<Dispute> mine = t.getItem4().stream().filter(d -> id.equals(d.assignmentId())).toList();
                    boolean open = mine.stream().anyMatch(d -> "OPEN".equals(d.status()));
                    Keys keys = new Keys(codec.randomToken(), codec.randomToken(), codec.randomToken(), codec.randomToken(),
                            codec.randomToken());
                    return new ItemView(a.value(), a.etag(), t.getItem1().value(), PlanTable.ruleWords(t.getItem1().value()),
                            newestFirst(t.getItem2()), t.getItem3(), mine, open, t.getItem5().value(), t.getItem5().etag(),
                            keys, saved, today, dues);
                })));
    }

    /**
     * The item's obligations (from the unit's agenda of today) by due date, each with its extension requests and,
     * when its due date was moved, the extensions granted (read together).
     */
    private Uni<List<Due>> dues(Session s, String assignmentId, LocalDate today, Agenda agenda,
                                List<ExtensionRequest> requests) {
        List<Obligation> mine = allOf(agenda).stream().filter(o -> assignmentId.equals(o.assignmentId()))
                .sorted(java.util.Comparator.comparing(Obligation::dueOn, java.util.Comparator.nullsLast(
                        java.util.Comparator.naturalOrder()))).toList();
        if (mine.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<List<ReportModels.GrantedExtension>>> reads = mine.stream().map(o -> o.extended()
                ? report.extensions(s, o.id()).map(h -> h.extensions() == null ? List.<ReportModels.GrantedExtension>of() : h.extensions())
                .onFailure(ApiProblem.class).recoverWithItem(List.of())
                : Uni.createFrom().item(List.<ReportModels.GrantedExtension>of())).toList();
        Uni<Integer> allowed = report.supervisionSettings(s).map(ReportModels.SupervisionSettings::extensionsAllowed);
        return Uni.combine().all().unis(Uni.join().all(reads).andFailFast(), allowed).asTuple().map(t -> {
            List<List<ReportModels.GrantedExtension>> granted = t.getItem1();
            List<Due> dues = new ArrayList<>();
            for (int i = 0; i < mine.size(); i++) {
                Obligation o = mine.get(i);
                List<ExtensionRequest> asked = requests.stream().filter(r -> o.id().equals(r.obligationId())).toList();
                dues.add(Due.of(o, Workdays.left(today, o.dueOn()), granted.get(i), asked, t.getItem2()));
            }
            return dues;
        });
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
