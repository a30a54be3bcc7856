package io.duban.report.obligation;

import static io.duban.report.common.BulkUpsert.col;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.DeadlineRules;
import io.duban.report.calendar.CalendarService;
import io.duban.report.common.BulkUpsert;
import io.duban.report.obligation.ObligationFacts.AssignmentFacts;
import io.duban.report.obligation.ObligationFacts.EventFacts;
import io.duban.report.obligation.ObligationFacts.PlanFacts;
import io.duban.report.obligation.ObligationFacts.ReportFacts;
import io.duban.report.obligation.ObligationFacts.TaskFacts;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the {@code obligation} table equal to what the deriver makes of the projected facts:
 * for a set of tasks it loads their facts in a few set queries, derives, upserts by stable key
 * and deletes what no longer follows (an assignment withdrawn, a rule changed). Granted extensions
 * ({@code obligation_extension}) are applied again after every write, so they survive re-derivation;
 * those of an obligation that ceased to exist are counted and logged.
 */
@ApplicationScoped
public class ObligationStore {

    private static final Logger LOG = Logger.getLogger(ObligationStore.class);

    @Inject
    CalendarService calendars;

    @Inject
    MeterRegistry registry;

    /**
     * A report's status as the deriver counts it: a DONE report made under 办结审核 is DONE once accepted,
     * PENDING_REVIEW while the assignment waits for a decision on it, and RETURNED (no completion) otherwise.
     */
    static final String EFFECTIVE_STATUS = "CASE WHEN NOT r.review_required THEN r.status"
            + " WHEN EXISTS (SELECT 1 FROM completion_review c WHERE c.region = r.region AND c.report_id = r.id AND c.decision = 'ACCEPT')"
            + " THEN r.status"
            + " WHEN a.status = 'PENDING_REVIEW' AND NOT EXISTS (SELECT 1 FROM completion_review c WHERE c.region = r.region"
            + " AND c.report_id = r.id) THEN 'PENDING_REVIEW' ELSE 'RETURNED' END";

    /** Re-derives the obligations of {@code tasks} on {@code client} (inside the caller's transaction). */
    public Uni<Integer> rederive(SqlClient client, Collection<TaskRef> tasks) {
        if (tasks.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] regions = tasks.stream().map(TaskRef::region).toArray(String[]::new);
        UUID[] ids = tasks.stream().map(TaskRef::taskId).toArray(UUID[]::new);
        Tuple keys = Tuple.of(regions, ids);
        String join = " JOIN unnest($1::text[], $2::uuid[]) k(region, task_id) ON k.region = a.region AND k.task_id = a.task_id";
        Uni<RowSet<Row>> taskRows = client.preparedQuery(
                "SELECT t.region, t.id, t.plan_id, t.deadline::text AS deadline, p.issued_on, p.year FROM task t"
                        + " JOIN unnest($1::text[], $2::uuid[]) k(region, task_id) ON k.region = t.region AND k.task_id = t.id"
                        + " LEFT JOIN plan p ON p.region = t.region AND p.id = t.plan_id").execute(keys);
        Uni<RowSet<Row>> assignmentRows = client.preparedQuery(
                "SELECT a.region, a.task_id, a.id, a.unit_id, a.unit_name, a.role, a.active, a.plan_id FROM assignment a" + join)
                .execute(keys);
        Uni<RowSet<Row>> eventRows = client.preparedQuery(
                "SELECT e.id, e.assignment_id, e.trigger, e.occurred_on, e.occurred_at FROM trigger_event e"
                        + " JOIN assignment a ON a.region = e.region AND a.id = e.assignment_id" + join).execute(keys);
        Uni<RowSet<Row>> reportRows = client.preparedQuery(
                "SELECT r.id, r.assignment_id, " + EFFECTIVE_STATUS + " AS status, r.completed_on, r.event_id, r.reported_at"
                        + " FROM progress_report r JOIN assignment a ON a.region = r.region AND a.id = r.assignment_id" + join).execute(keys);
        // One connection runs one statement at a time: chain, do not combine.
        return taskRows.chain(tr -> assignmentRows.chain(ar -> eventRows.chain(er -> reportRows.chain(rr ->
                write(client, tasks, derive(tr, ar, er, rr))))));
    }

    private List<Row> rows(RowSet<Row> set) {
        List<Row> out = new ArrayList<>();
        set.forEach(out::add);
        return out;
    }

    private Map<String, List<Object[]>> derive(RowSet<Row> taskSet, RowSet<Row> assignmentSet, RowSet<Row> eventSet,
                                               RowSet<Row> reportSet) {
        Map<TaskRef, List<AssignmentFacts>> assignments = new HashMap<>();
        for (Row r : rows(assignmentSet)) {
            TaskRef ref = new TaskRef(r.getString("region"), r.getUUID("task_id"));
            assignments.computeIfAbsent(ref, k -> new ArrayList<>()).add(new AssignmentFacts(r.getUUID("id"),
                    r.getString("unit_id"), r.getString("unit_name"), r.getString("role"), r.getBoolean("active")));
        }
        List<EventFacts> events = new ArrayList<>();
        for (Row r : rows(eventSet)) {
            OffsetDateTime at = r.getOffsetDateTime("occurred_at");
            LocalDateTime local = at == null ? null : at.atZoneSameInstant(io.duban.report.common.AsOf.ZONE).toLocalDateTime();
            events.add(new EventFacts(r.getUUID("id"), r.getUUID("assignment_id"), r.getString("trigger"),
                    r.getLocalDate("occurred_on"), local));
        }
        List<ReportFacts> reports = new ArrayList<>();
        for (Row r : rows(reportSet)) {
            OffsetDateTime at = r.getOffsetDateTime("reported_at");
            reports.add(new ReportFacts(r.getUUID("id"), r.getUUID("assignment_id"), r.getString("status"),
                    r.getLocalDate("completed_on"), r.getUUID("event_id"), at == null ? null : at.toInstant()));
        }
        ObligationDeriver deriver = null;
        Map<String, List<Object[]>> out = new HashMap<>();
        out.put("upsert", new ArrayList<>());
        out.put("keep", new ArrayList<>());
        for (Row r : rows(taskSet)) {
            TaskRef ref = new TaskRef(r.getString("region"), r.getUUID("id"));
            DeadlineRule rule = rule(r.getString("deadline"));
            List<AssignmentFacts> as = assignments.getOrDefault(ref, List.of());
            if (rule == null || !rule.isDated() || as.isEmpty()) {
                continue;
            }
            if (deriver == null) {
                deriver = new ObligationDeriver(calendars.arithmetic());
            }
            PlanFacts plan = new PlanFacts(r.getUUID("plan_id"), r.getLocalDate("issued_on"), r.getInteger("year"));
            TaskFacts task = new TaskFacts(ref.taskId(), plan.id(), rule);
            for (DerivedObligation o : deriver.derive(plan, task, as, events, reports)) {
                out.get("upsert").add(new Object[] {ref.region(), ref.taskId(), plan.id(), o});
                out.get("keep").add(new Object[] {ref.region(), o.key()});
            }
        }
        return out;
    }

    private static DeadlineRule rule(String json) {
        if (json == null) {
            return null;
        }
        try {
            return DeadlineRules.fromJson(json);
        } catch (IllegalArgumentException e) {
            return null; // not a rule we know: like UNPARSED, nothing dated follows
        }
    }

    private Uni<Integer> write(SqlClient client, Collection<TaskRef> tasks, Map<String, List<Object[]>> derived) {
        String[] regions = tasks.stream().map(TaskRef::region).toArray(String[]::new);
        UUID[] ids = tasks.stream().map(TaskRef::taskId).toArray(UUID[]::new);
        List<Object[]> keep = derived.get("keep");
        String[] keepKeys = keep.stream().map(k -> (String) k[1]).toArray(String[]::new);
        // Keys embed the assignment id, so they are unique without the region; NOT IN over a
        // subquery runs as a hashed anti-join (NOT EXISTS over unnest would compare every pair).
        Uni<RowSet<Row>> delete = client.preparedQuery("DELETE FROM obligation o USING unnest($1::text[], $2::uuid[]) t(region, task_id)"
                + " WHERE o.region = t.region AND o.task_id = t.task_id"
                + " AND o.key NOT IN (SELECT unnest($3::text[])) RETURNING o.region, o.id")
                .execute(Tuple.of(regions, ids, keepKeys));
        List<Object[]> rows = new ArrayList<>();
        for (Object[] u : derived.get("upsert")) {
            DerivedObligation o = (DerivedObligation) u[3];
            String region = (String) u[0];
            rows.add(new Object[] {region, DerivedObligation.idFor(region, o.key()), o.key(), u[2], u[1], o.assignmentId(),
                    o.unitId(), o.unitName(), o.role(), o.kind().name(), o.eventId(), o.anchorOn(), o.anchorAt(),
                    o.periodAmount(), o.periodUnit(), o.dueOn(), o.dueAt(), o.provisional(), o.completedOn(), o.ruleText(),
                    o.pendingReviewOn(), o.dueOn()});
        }
        return delete.chain(deleted -> droppedExtensions(client, deleted).chain(() -> UPSERT.execute(client, rows))
                .call(() -> client.preparedQuery(APPLY_EXTENSIONS).execute(Tuple.of(regions, ids))));
    }

    /**
     * The extension in force (the latest granted) moves each obligation's due date; the derived date stays in
     * {@code original_due_on}. An extension is a date, so re-derivation never shifts it.
     */
    static final String APPLY_EXTENSIONS = """
            UPDATE obligation o SET due_on = x.due_on
            FROM (SELECT DISTINCT ON (e.region, e.obligation_id) e.region, e.obligation_id, e.due_on
                  FROM obligation_extension e JOIN unnest($1::text[], $2::uuid[]) t(region, task_id)
                    ON e.region = t.region AND e.task_id = t.task_id
                  ORDER BY e.region, e.obligation_id, e.seq DESC) x
            WHERE o.region = x.region AND o.id = x.obligation_id AND o.due_on IS DISTINCT FROM x.due_on""";

    /** Extensions granted to obligations that ceased to exist are no longer in force: counted and logged, never silent. */
    private Uni<Void> droppedExtensions(SqlClient client, RowSet<Row> deleted) {
        if (deleted.size() == 0) {
            return Uni.createFrom().voidItem();
        }
        List<String> regions = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        deleted.forEach(r -> {
            regions.add(r.getString("region"));
            ids.add(r.getUUID("id"));
        });
        return client.preparedQuery("SELECT e.region, e.obligation_id, count(*) AS n, max(e.due_on) AS due_on"
                        + " FROM obligation_extension e JOIN unnest($1::text[], $2::uuid[]) d(region, id)"
                        + " ON e.region = d.region AND e.obligation_id = d.id GROUP BY e.region, e.obligation_id")
                .execute(Tuple.of(regions.toArray(String[]::new), ids.toArray(UUID[]::new)))
                .invoke(rows -> rows.forEach(r -> {
                    LOG.warnf("obligation %s of region %s no longer follows from the facts: its %d granted extension(s)"
                            + " (latest to %s) are no longer in force", r.getUUID("obligation_id"), r.getString("region"),
                            r.getLong("n"), r.getLocalDate("due_on"));
                    registry.counter("duban.obligations.extensions.dropped").increment(r.getLong("n"));
                }))
                .replaceWithVoid();
    }

    private static final BulkUpsert UPSERT = new BulkUpsert("obligation", List.of("region", "key"), List.of(
            col("region", "text"), col("id", "uuid"), col("key", "text"), col("plan_id", "uuid"), col("task_id", "uuid"),
            col("assignment_id", "uuid"), col("unit_id", "text"), col("unit_name", "text"), col("role", "text"),
            col("kind", "text"), col("event_id", "uuid"), col("anchor_on", "date"), col("anchor_at", "timestamp"),
            col("period_amount", "int"), col("period_unit", "text"), col("due_on", "date"), col("due_at", "timestamp"),
            col("provisional", "boolean"), col("completed_on", "date"), col("rule_text", "text"), col("pending_review_on", "date"),
            col("original_due_on", "date")));
}
