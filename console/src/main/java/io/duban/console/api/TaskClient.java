package io.duban.console.api;

import io.duban.console.api.TaskModels.Assignment;
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
import java.util.function.IntFunction;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** task-service as the console uses it, with the signed-in person's token. */
@ApplicationScoped
public class TaskClient {

    private static final String NAME = "任务服务";
    static final int PAGE = 500;

    @RestClient
    TaskApi api;

    final Calls calls;

    public TaskClient(Calls calls) {
        this.calls = calls;
    }

    public Uni<List<Plan>> plans(Session s) {
        return calls.guard(NAME, api.plans(s.bearer(), s.region(), 1, 200)).map(Paged::items);
    }

    public Uni<Plan> plan(Session s, String id) {
        return calls.guard(NAME, api.plan(s.bearer(), s.region(), id));
    }

    public Uni<Plan> createPlan(Session s, NewPlan p) {
        return calls.guard(NAME, api.createPlan(s.bearer(), s.region(), p));
    }

    public Uni<ImportResult> importTable(Session s, String planId, boolean dryRun, String contentType, byte[] table) {
        return calls.guard(NAME, api.importTable(s.bearer(), s.region(), planId, dryRun, contentType, table));
    }

    public Uni<List<Task>> tasks(Session s, String planId) {
        return all(page -> calls.guard(NAME, api.tasks(s.bearer(), s.region(), planId, page, PAGE)));
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
        return all(page -> calls.guard(NAME, api.assignments(s.bearer(), s.region(), planId, null, null, page, PAGE)));
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

    /** Every page of a list, one after another. */
    static <T> Uni<List<T>> all(IntFunction<Uni<Paged<T>>> page) {
        List<T> acc = new ArrayList<>();
        return collect(page, 1, acc);
    }

    private static <T> Uni<List<T>> collect(IntFunction<Uni<Paged<T>>> page, int n, List<T> acc) {
        return page.apply(n).flatMap(p -> {
            acc.addAll(p.items());
            return p.hasMore() && n < 200 ? collect(page, n + 1, acc) : Uni.createFrom().item(acc);
        });
    }
}
