package io.duban.console.review;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.ExtensionDecision;
import io.duban.console.api.ReportModels.ExtensionRequest;
import io.duban.console.api.ReportModels.Finding;
import io.duban.console.api.ReportModels.LateAcknowledgement;
import io.duban.console.api.ReportModels.NewVerification;
import io.duban.console.api.ReportModels.Rectification;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.Dispute;
import io.duban.console.api.TaskModels.DisputeDecision;
import io.duban.console.api.TaskModels.NewReview;
import io.duban.console.api.TaskModels.PendingReview;
import io.duban.console.api.TaskModels.Task;
import io.duban.console.common.Chrome;
import io.duban.console.common.Dates;
import io.duban.console.common.FormErrors;
import io.duban.console.common.Today;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 待我处理: what waits for the 大数据中心 from assignments' life — completions to review (办结审核: approve, or
 * 退回 with the reason the unit sees), disputes to decide (申诉: uphold, maybe designating who takes the duty
 * instead, or reject with a comment), 延期申请 (批准, maybe to an earlier date than asked, or 驳回), 整改 waiting for
 * 复核 (通过 销号 / 不通过), and assignments not signed for in time (read only). Reached from the
 * dashboard's block of counts. A viewer sees the queue without the forms.
 */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
public class ReviewQueuePage {

    /** How many tasks the page reads to name the rows (seq and requirement); beyond it rows link to the task. */
    static final int NAMED_TASKS = 100;

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance reviews(Chrome chrome, QueueView view, Failed failed, FormErrors errors,
                                               String saved);
    }

    /** A completion waiting for review, with its task. */
    public record ReviewRow(PendingReview review, Task task) {

        /** The id of the row's 退回原因 field (its error names it). */
        public String returnField() {
            return "return-" + review.assignmentId();
        }
    }

    /** An open dispute, with its task and the unit's name. */
    public record DisputeRow(Dispute dispute, Task task, String unitName) {

        public String commentField() {
            return "comment-" + dispute.id();
        }

        public String designateField() {
            return "designate-" + dispute.id();
        }
    }

    public record QueueView(LocalDate asOf, List<ReviewRow> reviews, List<DisputeRow> disputes,
                            List<LateAcknowledgement> lateAcknowledgements, List<Unit> units, String idempotencyKey,
                            List<ExtensionRow> extensions, List<VerificationRow> verifications) {
    }

    /** A pending 延期申请, with its task. */
    public record ExtensionRow(ExtensionRequest request, Task task) {

        public String dateField() {
            return "approvedDueOn-" + request.id();
        }

        public String approveField() {
            return "approve-comment-" + request.id();
        }

        public String rejectField() {
            return "reject-comment-" + request.id();
        }
    }

    /** A finding whose 整改 waits for 复核: the finding, the rectification reported, and the ETag of its version. */
    public record VerificationRow(Finding finding, Rectification rectification, String etag) {

        public String passField() {
            return "pass-comment-" + finding.id();
        }

        public String failField() {
            return "fail-comment-" + finding.id();
        }
    }

    /**
     * Which row's form a service refused, and what was typed into it ({@code form} tells two forms of one row apart:
     * approve / reject, pass / fail; {@code date} is an approval's shorter date).
     */
    public record Failed(String id, String comment, String form, String date) {

        static final Failed NONE = new Failed("", "", "", "");

        Failed(String id, String comment) {
            this(id, comment, "", "");
        }

        public boolean is(String rowId) {
            return id.equals(rowId);
        }

        public boolean is(String rowId, String which) {
            return id.equals(rowId) && form.equals(which);
        }

        /** The date typed into a row's approval, else empty. */
        public String dateOf(String rowId) {
            return is(rowId, "APPROVE") ? date : "";
        }

        /** The comment typed into that form of that row, else empty. */
        public String typed(String rowId, String which) {
            return is(rowId, which) ? comment : "";
        }
    }

    @Inject
    CurrentSession current;

    @Inject
    TaskClient tasks;

    @Inject
    ReportClient report;

    @Inject
    OrgClient org;

    @Inject
    SessionCodec codec;

    @GET
    public Uni<TemplateInstance> show(@QueryParam("saved") String saved) {
        Session s = current.require("supervisor", "viewer");
        return queue(s).map(v -> Templates.reviews(Chrome.of(s, "reviews"), v, Failed.NONE, FormErrors.NONE, saved));
    }

    @POST
    @Path("completions/{assignmentId}")
    public Uni<Response> review(@PathParam("assignmentId") String assignmentId, @RestForm("_csrf") String csrf,
                                @RestForm String etag, @RestForm String idempotencyKey, @RestForm String decision,
                                @RestForm String comment) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        String d = "RETURN".equals(decision) ? "RETURN" : "ACCEPT";
        return tasks.review(s, assignmentId, etag, idempotencyKey, new NewReview(d, blank(comment)))
                .map(v -> Response.seeOther(URI.create("/reviews?saved=" + ("RETURN".equals(d) ? "returned" : "accepted")))
                        .build())
                .onFailure(ReviewQueuePage::refused)
                .recoverWithUni(e -> again(s, (ApiProblem) e, new Failed(assignmentId, comment == null ? "" : comment)));
    }

    @POST
    @Path("disputes/{id}")
    public Uni<Response> decide(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String etag,
                                @RestForm String decision, @RestForm String comment,
                                @RestForm String designateUnitId) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        String d = "UPHOLD".equals(decision) ? "UPHOLD" : "REJECT";
        List<String> designate = "UPHOLD".equals(d) && designateUnitId != null && !designateUnitId.isBlank()
                ? List.of(designateUnitId) : null;
        return tasks.decideDispute(s, id, etag, new DisputeDecision(d, blank(comment), designate))
                .map(v -> Response.seeOther(URI.create("/reviews?saved=" + ("UPHOLD".equals(d) ? "upheld" : "rejected")))
                        .build())
                .onFailure(ReviewQueuePage::refused)
                .recoverWithUni(e -> again(s, (ApiProblem) e, new Failed(id, comment == null ? "" : comment)));
    }

    /** 延期申请: 批准 (optionally a shorter date than asked) or 驳回, with a comment; If-Match is the request's version. */
    @POST
    @Path("extensions/{id}")
    public Uni<Response> decideExtension(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                         @RestForm String etag, @RestForm String decision,
                                         @RestForm String approvedDueOn, @RestForm String comment) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        String d = "APPROVE".equals(decision) ? "APPROVE" : "REJECT";
        String date = "APPROVE".equals(d) ? Dates.iso(approvedDueOn) : null;
        return report.decideExtension(s, id, etag, new ExtensionDecision(d, date, blank(comment)))
                .map(v -> Response.seeOther(URI.create("/reviews?saved=" + ("APPROVE".equals(d) ? "extended" : "extensionRejected")))
                        .build())
                .onFailure(ReviewQueuePage::refused)
                .recoverWithUni(e -> again(s, (ApiProblem) e, new Failed(id, comment == null ? "" : comment, d,
                        approvedDueOn == null ? "" : approvedDueOn)));
    }

    /** 复核 of a finding's 整改: 通过 (销号) or 不通过 (back to 待整改; the unit sees the comment). */
    @POST
    @Path("rectifications/{findingId}")
    public Uni<Response> verify(@PathParam("findingId") String findingId, @RestForm("_csrf") String csrf,
                                @RestForm String etag, @RestForm String decision, @RestForm String comment) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        String d = "PASS".equals(decision) ? "PASS" : "FAIL";
        return report.verify(s, findingId, etag, new NewVerification(d, blank(comment)))
                .map(v -> Response.seeOther(URI.create("/reviews?saved=" + ("PASS".equals(d) ? "closed" : "failed"))).build())
                .onFailure(ReviewQueuePage::refused)
                .recoverWithUni(e -> again(s, (ApiProblem) e, new Failed(findingId, comment == null ? "" : comment, d, "")));
    }

    private Uni<Response> again(Session s, ApiProblem p, Failed failed) {
        return queue(s).map(v -> Response.status(p.status() == 409 || p.status() == 412 ? 409 : 400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.reviews(Chrome.of(s, "reviews"), v, failed, FormErrors.of(p), null).render()).build());
    }

    private Uni<QueueView> queue(Session s) {
        LocalDate today = Today.date();
        return Uni.combine().all()
                .unis(tasks.pendingReviews(s), tasks.disputes(s, "OPEN"), report.lateAcknowledgements(s, today), org.units(s),
                        report.extensionRequests(s, "PENDING", null), rectified(s))
                .asTuple()
                .flatMap(t -> {
                    Set<String> taskIds = new LinkedHashSet<>();
                    t.getItem1().forEach(r -> taskIds.add(r.taskId()));
                    t.getItem2().forEach(d -> taskIds.add(d.taskId()));
                    t.getItem5().forEach(x -> taskIds.add(x.taskId()));
                    return named(s, taskIds).map(byId -> {
                        Map<String, String> unitNames = t.getItem4().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a));
                        List<ReviewRow> reviews = t.getItem1().stream().map(r -> new ReviewRow(r, byId.get(r.taskId()))).toList();
                        List<DisputeRow> disputes = t.getItem2().stream()
                                .map(d -> new DisputeRow(d, byId.get(d.taskId()), unitNames.getOrDefault(d.unitId(), ""))).toList();
                        List<LateAcknowledgement> pending = t.getItem3().stream().filter(a -> "PENDING".equals(a.state())).toList();
                        List<Unit> active = t.getItem4().stream().filter(Unit::active).toList();
                        // oldest request first: the one waiting longest, and the one nearest its due date
                        List<ExtensionRow> extensions = new java.util.ArrayList<>(t.getItem5().stream()
                                .map(x -> new ExtensionRow(x, byId.get(x.taskId()))).toList());
                        java.util.Collections.reverse(extensions);
                        return new QueueView(today, reviews, disputes, pending, active, codec.randomToken(), extensions,
                                t.getItem6());
                    });
                });
    }

    /** Findings whose 整改 waits for 复核, each read for its rectification and ETag (together, at most 100). */
    private Uni<List<VerificationRow>> rectified(Session s) {
        return report.findingsIn(s, "RECTIFIED", null, NAMED_TASKS).flatMap(page -> {
            List<Finding> waiting = page.items().stream().filter(Finding::current).toList();
            if (waiting.isEmpty()) {
                return Uni.createFrom().item(List.<VerificationRow>of());
            }
            List<Uni<VerificationRow>> reads = waiting.stream().map(f -> report.finding(s, f.id())
                    .map(h -> new VerificationRow(h.value().finding(), h.value().latest(), h.etag()))
                    .onFailure(ApiProblem.class).recoverWithNull()).toList();
            return Uni.join().all(reads).andFailFast().map(rows -> rows.stream().filter(java.util.Objects::nonNull).toList());
        });
    }

    /** The tasks the rows name, read together (a task that cannot be read leaves its row unnamed). */
    private Uni<Map<String, Task>> named(Session s, Set<String> ids) {
        List<String> first = ids.stream().limit(NAMED_TASKS).toList();
        if (first.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Task>> reads = first.stream()
                .map(id -> tasks.task(s, id).map(v -> v.value()).onFailure(ApiProblem.class).recoverWithNull()).toList();
        return Uni.join().all(reads).andFailFast().map(list -> list.stream().filter(java.util.Objects::nonNull)
                .collect(Collectors.toMap(Task::id, Function.identity(), (a, b) -> a)));
    }

    private static boolean refused(Throwable e) {
        return e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 412
                || p.status() == 422 || p.status() == 428);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
