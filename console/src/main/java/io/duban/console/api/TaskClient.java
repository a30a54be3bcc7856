package io.duban.console.api;

import io.duban.console.api.TaskModels.Assignment;
import io.duban.console.api.TaskModels.Dispute;
import io.duban.console.api.TaskModels.DisputeDecision;
import io.duban.console.api.TaskModels.LedgerEntry;
import io.duban.console.api.TaskModels.LedgerSubmission;
import io.duban.console.api.TaskModels.NewDispute;
import io.duban.console.api.TaskModels.NewReview;
import io.duban.console.api.TaskModels.PendingReview;
import io.duban.console.api.TaskModels.Review;
import io.duban.console.api.TaskModels.NewLedgerEntry;
import io.duban.console.api.TaskModels.Designations;
import io.duban.console.api.TaskModels.ImportResult;
import io.duban.console.api.TaskModels.NewPlan;
import io.duban.console.api.TaskModels.NewReport;
import io.duban.console.api.TaskModels.Plan;
import io.duban.console.api.TaskModels.Report;
import io.duban.console.api.TaskModels.Task;
import io.duban.console.api.TaskModels.TaskCorrection;
import io.duban.console.api.TaskModels.Versioned;
import io.duban.console.session.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** task-service as the console uses it, with the signed-in person's token. */
@ApplicationScoped
public class TaskClient {

    private static final String NAME = "任务服务";
    static final int PAGE = 500;

    @RestClient
    TaskApi api;

    final Calls calls;
    final PlanListCache planLists;

    public TaskClient(Calls calls, PlanListCache planLists) {
        this.calls = calls;
        this.planLists = planLists;
    }

    public Uni<List<Plan>> plans(Session s) {
        return calls.guard(NAME, api.plans(s.bearer(), s.region(), 1, 200)).map(Paged::items);
    }

    public Uni<Plan> plan(Session s, String id) {
        return calls.guard(NAME, api.plan(s.bearer(), s.region(), id));
    }

    public Uni<Plan> createPlan(Session s, NewPlan p) {
        return calls.guard(NAME, api.createPlan(s.bearer(), s.region(), p)).invoke(created -> planLists.forget(s.region()));
    }

    /** The region's plans as the dashboard's filter lists them: kept for a few seconds ({@link PlanListCache}). */
    public Uni<List<Plan>> plansForFilter(Session s) {
        return planLists.get(s.region(), () -> plans(s));
    }

    public Uni<ImportResult> importTable(Session s, String planId, boolean dryRun, String contentType, byte[] table) {
        return calls.guard(NAME, api.importTable(s.bearer(), s.region(), planId, dryRun, contentType, table));
    }

    public Uni<List<Task>> tasks(Session s, String planId) {
        return walk(after -> calls.guard(NAME, api.tasks(s.bearer(), s.region(), planId, after, PAGE, "false")));
    }

    public Uni<Versioned<Task>> task(Session s, String id) {
        return calls.guard(NAME, api.task(s.bearer(), s.region(), id)).map(Calls::ok)
                .map(r -> new Versioned<>(r.readEntity(Task.class), Calls.etag(r)));
    }

    public Uni<Void> correctTask(Session s, String id, String etag, TaskCorrection c) {
        return calls.guard(NAME, api.correctTask(s.bearer(), s.region(), id, etag, c)).map(Calls::ok).replaceWithVoid();
    }

    public Uni<Void> designate(Session s, String id, String etag, List<String> unitIds) {
        return calls.guard(NAME, api.designate(s.bearer(), s.region(), id, etag, new Designations(unitIds)))
                .map(Calls::ok).replaceWithVoid();
    }

    public Uni<List<Assignment>> assignmentsOfPlan(Session s, String planId) {
        return walk(after -> calls.guard(NAME, api.assignments(s.bearer(), s.region(), planId, null, null, after, PAGE, "false")));
    }

    public Uni<Versioned<Assignment>> assignment(Session s, String id) {
        return calls.guard(NAME, api.assignment(s.bearer(), s.region(), id)).map(Calls::ok)
                .map(r -> new Versioned<>(r.readEntity(Assignment.class), Calls.etag(r)));
    }

    public Uni<List<Report>> reports(Session s, String assignmentId) {
        return calls.guard(NAME, api.reports(s.bearer(), s.region(), assignmentId, 1, PAGE)).map(Paged::items);
    }

    public Uni<Void> report(Session s, String assignmentId, String etag, String idempotencyKey, NewReport r) {
        return calls.guard(NAME, api.report(s.bearer(), s.region(), assignmentId, etag, idempotencyKey, r))
                .map(Calls::ok).replaceWithVoid();
    }

    /** The assignments not yet signed for (签收) that the token sees (a unit: its own), oldest plan first. */
    public Uni<List<Assignment>> pendingAcknowledgements(Session s) {
        return calls.guard(NAME, api.assignmentsWithStatus(s.bearer(), s.region(), "PENDING_ACK", 1, PAGE)).map(Paged::items);
    }

    public Uni<Void> acknowledge(Session s, String assignmentId, String etag, String idempotencyKey) {
        return calls.guard(NAME, api.acknowledge(s.bearer(), s.region(), assignmentId, etag, idempotencyKey))
                .map(Calls::ok).replaceWithVoid();
    }

    public Uni<Void> raiseDispute(Session s, String assignmentId, String idempotencyKey, String reason) {
        return calls.guard(NAME, api.raiseDispute(s.bearer(), s.region(), assignmentId, idempotencyKey, new NewDispute(reason)))
                .map(Calls::ok).replaceWithVoid();
    }

    /** Disputes the token sees (a unit: its own), of one status or all. */
    public Uni<List<Dispute>> disputes(Session s, String status) {
        return calls.guard(NAME, api.disputes(s.bearer(), s.region(), status, 500));
    }

    public Uni<Void> decideDispute(Session s, String disputeId, String etag, DisputeDecision d) {
        return calls.guard(NAME, api.decideDispute(s.bearer(), s.region(), disputeId, etag, d)).map(Calls::ok)
                .replaceWithVoid();
    }

    public Uni<List<PendingReview>> pendingReviews(Session s) {
        return calls.guard(NAME, api.pendingReviews(s.bearer(), s.region(), 500));
    }

    public Uni<List<Review>> reviews(Session s, String assignmentId) {
        return calls.guard(NAME, api.reviews(s.bearer(), s.region(), assignmentId));
    }

    public Uni<Void> review(Session s, String assignmentId, String etag, String idempotencyKey, NewReview r) {
        return calls.guard(NAME, api.review(s.bearer(), s.region(), assignmentId, etag, idempotencyKey, r)).map(Calls::ok)
                .replaceWithVoid();
    }

    /** The assignment's 工作台账 row with its ETag, or empty (no ETag) while none was written. */
    public Uni<Versioned<LedgerEntry>> ledger(Session s, String assignmentId) {
        // "no entry yet" is a 404 (another unit's assignment was already refused by the assignment read)
        return calls.guard(NAME, api.ledger(s.bearer(), s.region(), assignmentId)).map(Calls::ok)
                .map(r -> new Versioned<>(r.readEntity(LedgerEntry.class), Calls.etag(r)))
                .onFailure(e -> e instanceof ApiProblem p && p.status() == 404)
                .recoverWithItem(new Versioned<LedgerEntry>(null, ""));
    }

    public Uni<Void> saveLedger(Session s, String assignmentId, String etag, NewLedgerEntry e) {
        return calls.guard(NAME, api.saveLedger(s.bearer(), s.region(), assignmentId, etag == null || etag.isBlank() ? null : etag, e))
                .map(Calls::ok).replaceWithVoid();
    }

    /** 报送: the unit submits its 工作台账 of a plan, dated today. */
    public Uni<LedgerSubmission> submitLedger(Session s, String unitId, String planId, String idempotencyKey) {
        return calls.guard(NAME, api.submitLedger(s.bearer(), s.region(), unitId, planId, idempotencyKey, Map.of()))
                .map(Calls::ok).map(r -> r.readEntity(LedgerSubmission.class));
    }

    /**
     * Every item of a long list, page after page by the keyset cursor ({@code after} = the previous page's
     * {@code next}; null for the first): each page is one index range, never an OFFSET or a count (docs/paging.md).
     */
    static <T> Uni<List<T>> walk(Function<String, Uni<Paged<T>>> page) {
        return collect(page, null, 0, new ArrayList<>());
    }

    private static <T> Uni<List<T>> collect(Function<String, Uni<Paged<T>>> page, String after, int n, List<T> acc) {
        return page.apply(after).flatMap(p -> {
            acc.addAll(p.items());
            // 200 pages of 500 is far beyond a plan's table; the bound only stops a service that loops
            return p.next() != null && n < 200 ? collect(page, p.next(), n + 1, acc) : Uni.createFrom().item(acc);
        });
    }
}
