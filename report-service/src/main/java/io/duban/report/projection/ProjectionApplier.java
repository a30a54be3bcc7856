package io.duban.report.projection;

import static io.duban.report.common.BulkUpsert.col;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.duban.feed.AcknowledgementSnapshot;
import io.duban.feed.AssignmentSnapshot;
import io.duban.feed.DisputeSnapshot;
import io.duban.feed.LedgerEntrySnapshot;
import io.duban.feed.LedgerSubmissionSnapshot;
import io.duban.feed.RegionSettingsSnapshot;
import io.duban.feed.ReviewSnapshot;
import io.duban.feed.ChangeItem;
import io.duban.feed.ChangeType;
import io.duban.feed.EventSnapshot;
import io.duban.feed.FeedJson;
import io.duban.feed.PlanSnapshot;
import io.duban.feed.ProposalSnapshot;
import io.duban.feed.ReportSnapshot;
import io.duban.feed.Snapshot;
import io.duban.feed.TaskSnapshot;
import io.duban.report.common.BulkUpsert;
import io.duban.report.obligation.ObligationStore;
import io.duban.report.obligation.TaskRef;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies a batch of feed snapshots: reads each item into its contract record ({@code io.duban.feed}),
 * upserts it into its projection table (a snapshot is the entity's full current state, so applying it
 * twice changes nothing) and re-derives the obligations of every task the batch touched. Runs inside
 * the follower's transaction. An item of a type this service does not know (a newer task-service) is
 * skipped deliberately and counted ({@code duban.projection.changes.skipped}); an item of a known type
 * that does not fit its record fails the batch, so the cursor never moves past it.
 */
@ApplicationScoped
public class ProjectionApplier {

    private static final Logger LOG = Logger.getLogger(ProjectionApplier.class);
    private static final List<String> KEY = List.of("region", "id");

    /** Each type's projection table; its columns are the snapshot's fields in snake case (checked by a test). */
    static final Map<ChangeType, BulkUpsert> UPSERTS = new EnumMap<>(Map.ofEntries(
            Map.entry(ChangeType.PLAN, new BulkUpsert("plan", KEY, List.of(col("region", "text"), col("id", "uuid"), col("title", "text"),
                    col("doc_number", "text"), col("issued_on", "date"), col("year", "int"), col("kind", "text"),
                    col("ledger_due_on", "date"), col("version", "bigint")))),
            Map.entry(ChangeType.TASK, new BulkUpsert("task", KEY, List.of(col("region", "text"), col("id", "uuid"), col("plan_id", "uuid"),
                    col("seq", "int"), col("category", "jsonb"), col("requirement", "text"),
                    col("responsible_text", "text"), col("deadline_text", "text"), col("deadline", "jsonb"),
                    col("deadline_kind", "text"), col("needs_review", "boolean"), col("version", "bigint")))),
            Map.entry(ChangeType.ASSIGNMENT, new BulkUpsert("assignment", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("plan_id", "uuid"), col("task_id", "uuid"), col("unit_id", "text"), col("unit_name", "text"),
                    col("role", "text"), col("status", "text"), col("active", "boolean"), col("created_on", "date"),
                    col("acknowledged_on", "date"), col("version", "bigint")))),
            Map.entry(ChangeType.REPORT, new BulkUpsert("progress_report", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("status", "text"), col("note", "text"), col("completed_on", "date"),
                    col("event_id", "uuid"), col("reported_by", "text"), col("reported_at", "timestamptz"),
                    col("review_required", "boolean")))),
            Map.entry(ChangeType.EVENT, new BulkUpsert("trigger_event", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("trigger", "text"), col("occurred_on", "date"),
                    col("occurred_at", "timestamptz"), col("title", "text"), col("recorded_by", "text"),
                    col("recorded_at", "timestamptz")))),
            Map.entry(ChangeType.ACKNOWLEDGEMENT, new BulkUpsert("acknowledgement", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("unit_id", "text"), col("via", "text"), col("acknowledged_on", "date"),
                    col("acknowledged_by", "text"), col("acknowledged_at", "timestamptz")))),
            Map.entry(ChangeType.DISPUTE, new BulkUpsert("dispute", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("task_id", "uuid"), col("unit_id", "text"), col("reason", "text"),
                    col("status", "text"), col("raised_by", "text"), col("raised_at", "timestamptz"), col("comment", "text"),
                    col("designated_unit_ids", "jsonb"), col("decided_by", "text"), col("decided_at", "timestamptz"),
                    col("version", "bigint")))),
            Map.entry(ChangeType.REVIEW, new BulkUpsert("completion_review", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("report_id", "uuid"), col("decision", "text"), col("comment", "text"),
                    col("completed_on", "date"), col("reviewed_by", "text"), col("reviewed_at", "timestamptz")))),
            Map.entry(ChangeType.LEDGER_ENTRY, new BulkUpsert("ledger_entry", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("plan_id", "uuid"), col("unit_id", "text"), col("office", "text"),
                    col("owner", "text"), col("owner_phone", "text"), col("measures", "text"), col("planned_on", "date"),
                    col("after_submission", "boolean"), col("updated_by", "text"), col("updated_at", "timestamptz"),
                    col("version", "bigint")))),
            Map.entry(ChangeType.LEDGER_SUBMISSION, new BulkUpsert("ledger_submission", KEY, List.of(col("region", "text"),
                    col("id", "uuid"), col("plan_id", "uuid"), col("unit_id", "text"), col("submitted_on", "date"),
                    col("submitted_by", "text"), col("submitted_at", "timestamptz")))),
            Map.entry(ChangeType.REGION_SETTINGS, new BulkUpsert("region_settings", KEY, List.of(col("region", "text"),
                    col("id", "uuid"), col("ack_working_days", "int"), col("completion_review", "text"), col("version", "bigint")))),
            Map.entry(ChangeType.PROPOSAL, new BulkUpsert("proposal", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("plan_id", "uuid"), col("number", "text"), col("kind", "text"), col("assigned_on", "date"),
                    col("first_due", "date"), col("current_due", "date"), col("status", "text"), col("round", "int"),
                    col("reopen_count", "int"), col("first_replied_on", "date"), col("outcome", "text"),
                    col("satisfaction", "text"), col("version", "bigint"))))));

    /** Snapshot fields the projection deliberately does not keep (nothing it answers needs them). */
    static final Map<ChangeType, Set<String>> NOT_PROJECTED = Map.of(ChangeType.REPORT, Set.of("evidenceUrls"));

    @Inject
    ObligationStore obligations;

    @Inject
    MeterRegistry registry;

    /** What one batch did: snapshots applied, items of unknown types skipped. */
    public record Applied(int applied, int skipped) {
    }

    /** Applies {@code items} in feed order. */
    public Uni<Applied> apply(SqlClient client, List<ChangeItem> items) {
        Map<ChangeType, List<Object[]>> byType = new EnumMap<>(ChangeType.class);
        Set<TaskRef> tasks = new LinkedHashSet<>();
        List<String> planRegions = new ArrayList<>();
        List<UUID> planIds = new ArrayList<>();
        List<String> assignmentRegions = new ArrayList<>();
        List<UUID> assignmentIds = new ArrayList<>();
        int applied = 0;
        int skipped = 0;
        for (ChangeItem item : items) {
            Optional<Snapshot> read = FeedJson.read(item);
            if (read.isEmpty()) {
                skipped(item.type());
                skipped++;
                continue;
            }
            Snapshot snapshot = read.get();
            String region = snapshot.region() != null ? snapshot.region() : item.region();
            UUID id = snapshot.id();
            // a switch expression over the enum is exhaustive: a type added to the contract does not compile here until handled
            Object[] row = switch (snapshot.changeType()) {
                case PLAN -> {
                    PlanSnapshot p = (PlanSnapshot) snapshot;
                    planRegions.add(region);
                    planIds.add(id);
                    yield tuple(region, id, p.title(), p.docNumber(), p.issuedOn(), p.year(), p.kind(), p.ledgerDueOn(), p.version());
                }
                case TASK -> {
                    TaskSnapshot t = (TaskSnapshot) snapshot;
                    tasks.add(new TaskRef(region, id));
                    yield tuple(region, id, t.planId(), t.seq(), t.category() == null ? null : jsonArray(t.category()),
                            t.requirement(), t.responsibleText(), t.deadlineText(),
                            t.deadline() != null && t.deadline().isObject() ? t.deadline().toString() : null,
                            t.deadlineKind(), t.needsReview(), t.version());
                }
                case ASSIGNMENT -> {
                    AssignmentSnapshot a = (AssignmentSnapshot) snapshot;
                    tasks.add(new TaskRef(region, a.taskId()));
                    yield tuple(region, id, a.planId(), a.taskId(), a.unitId(), a.unitName(), a.role(), a.status(), a.active(),
                            a.createdOn(), a.acknowledgedOn(), a.version());
                }
                case REPORT -> {
                    ReportSnapshot r = (ReportSnapshot) snapshot;
                    assignmentRegions.add(region);
                    assignmentIds.add(r.assignmentId());
                    yield tuple(region, id, r.assignmentId(), r.status(), r.note(), r.completedOn(), r.eventId(),
                            r.reportedBy(), at(r.reportedAt()), r.reviewRequired());
                }
                case EVENT -> {
                    EventSnapshot e = (EventSnapshot) snapshot;
                    assignmentRegions.add(region);
                    assignmentIds.add(e.assignmentId());
                    yield tuple(region, id, e.assignmentId(), e.trigger(), e.occurredOn(), at(e.occurredAt()), e.title(),
                            e.recordedBy(), at(e.recordedAt()));
                }
                case ACKNOWLEDGEMENT -> {
                    AcknowledgementSnapshot k = (AcknowledgementSnapshot) snapshot;
                    yield tuple(region, id, k.assignmentId(), k.unitId(), k.via(), k.acknowledgedOn(), k.acknowledgedBy(),
                            at(k.acknowledgedAt()));
                }
                case DISPUTE -> {
                    DisputeSnapshot d = (DisputeSnapshot) snapshot;
                    yield tuple(region, id, d.assignmentId(), d.taskId(), d.unitId(), d.reason(), d.status(), d.raisedBy(),
                            at(d.raisedAt()), d.comment(), jsonArray(d.designatedUnitIds() == null ? List.of() : d.designatedUnitIds()),
                            d.decidedBy(), at(d.decidedAt()), d.version());
                }
                case REVIEW -> {
                    // a decision changes whether a reported completion counts: re-derive the assignment's task
                    ReviewSnapshot v = (ReviewSnapshot) snapshot;
                    assignmentRegions.add(region);
                    assignmentIds.add(v.assignmentId());
                    yield tuple(region, id, v.assignmentId(), v.reportId(), v.decision(), v.comment(), v.completedOn(),
                            v.reviewedBy(), at(v.reviewedAt()));
                }
                case LEDGER_ENTRY -> {
                    LedgerEntrySnapshot l = (LedgerEntrySnapshot) snapshot;
                    yield tuple(region, id, l.assignmentId(), l.planId(), l.unitId(), l.office(), l.owner(), l.ownerPhone(),
                            l.measures(), l.plannedOn(), l.afterSubmission(), l.updatedBy(), at(l.updatedAt()), l.version());
                }
                case LEDGER_SUBMISSION -> {
                    LedgerSubmissionSnapshot l = (LedgerSubmissionSnapshot) snapshot;
                    yield tuple(region, id, l.planId(), l.unitId(), l.submittedOn(), l.submittedBy(), at(l.submittedAt()));
                }
                case REGION_SETTINGS -> {
                    RegionSettingsSnapshot r = (RegionSettingsSnapshot) snapshot;
                    yield tuple(region, id, r.ackWorkingDays(), r.completionReview(), r.version());
                }
                case PROPOSAL -> {
                    ProposalSnapshot p = (ProposalSnapshot) snapshot;
                    yield tuple(region, id, p.planId(), p.number(), p.kind(), p.assignedOn(), p.firstDue(), p.currentDue(),
                            p.status(), p.round(), p.reopenCount(), p.firstRepliedOn(), p.outcome(), p.satisfaction(), p.version());
                }
            };
            byType.computeIfAbsent(snapshot.changeType(), k -> new ArrayList<>()).add(row);
            applied++;
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<ChangeType, List<Object[]>> e : byType.entrySet()) {
            chain = chain.chain(() -> UPSERTS.get(e.getKey()).execute(client, e.getValue())).replaceWithVoid();
        }
        Applied result = new Applied(applied, skipped);
        return chain
                .chain(() -> affectedByPlans(client, planRegions, planIds, tasks))
                .chain(() -> affectedByAssignments(client, assignmentRegions, assignmentIds, tasks))
                .chain(() -> obligations.rederive(client, tasks))
                .replaceWith(result);
    }

    private void skipped(String type) {
        LOG.debugf("change feed item of unknown type %s skipped", type);
        Counter.builder("duban.projection.changes.skipped")
                .description("Feed items of a type this service does not follow (a newer task-service), skipped")
                .tag("type", type == null ? "none" : type)
                .register(registry).increment();
    }

    private Uni<Void> affectedByPlans(SqlClient client, List<String> regions, List<UUID> ids, Set<TaskRef> into) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("SELECT t.region, t.id FROM task t JOIN unnest($1::text[], $2::uuid[]) k(region, plan_id)"
                        + " ON k.region = t.region AND k.plan_id = t.plan_id")
                .execute(Tuple.of(regions.toArray(String[]::new), ids.toArray(UUID[]::new)))
                .invoke(rows -> rows.forEach(r -> into.add(new TaskRef(r.getString("region"), r.getUUID("id")))))
                .replaceWithVoid();
    }

    private Uni<Void> affectedByAssignments(SqlClient client, List<String> regions, List<UUID> ids, Set<TaskRef> into) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("SELECT a.region, a.task_id FROM assignment a JOIN unnest($1::text[], $2::uuid[]) k(region, id)"
                        + " ON k.region = a.region AND k.id = a.id")
                .execute(Tuple.of(regions.toArray(String[]::new), ids.toArray(UUID[]::new)))
                .invoke(rows -> {
                    for (Row r : rows) {
                        into.add(new TaskRef(r.getString("region"), r.getUUID("task_id")));
                    }
                })
                .replaceWithVoid();
    }

    private static Object[] tuple(Object... values) {
        return values;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String jsonArray(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array.toString();
    }
}
