package io.duban.report.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.report.common.AsOf;
import io.duban.report.obligation.ObligationStore;
import io.duban.report.obligation.TaskRef;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of feed snapshots: upserts each into its projection table (a snapshot is the
 * entity's full current state, so applying it twice changes nothing) and re-derives the
 * obligations of every task the batch touched. Runs inside the follower's transaction.
 */
@ApplicationScoped
public class ProjectionApplier {

    static final String PLAN = "PLAN", TASK = "TASK", ASSIGNMENT = "ASSIGNMENT", REPORT = "REPORT", EVENT = "EVENT";

    private static final Map<String, String> UPSERTS = Map.of(
            PLAN, """
                    INSERT INTO plan (region, id, title, doc_number, issued_on, year, kind, version)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                    ON CONFLICT (region, id) DO UPDATE SET title = excluded.title, doc_number = excluded.doc_number,
                        issued_on = excluded.issued_on, year = excluded.year, kind = excluded.kind, version = excluded.version""",
            TASK, """
                    INSERT INTO task (region, id, plan_id, seq, category, requirement, responsible_text, deadline_text,
                        deadline, deadline_kind, needs_review, version)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    ON CONFLICT (region, id) DO UPDATE SET plan_id = excluded.plan_id, seq = excluded.seq,
                        category = excluded.category, requirement = excluded.requirement,
                        responsible_text = excluded.responsible_text, deadline_text = excluded.deadline_text,
                        deadline = excluded.deadline, deadline_kind = excluded.deadline_kind,
                        needs_review = excluded.needs_review, version = excluded.version""",
            ASSIGNMENT, """
                    INSERT INTO assignment (region, id, plan_id, task_id, unit_id, unit_name, role, status, active, version)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    ON CONFLICT (region, id) DO UPDATE SET plan_id = excluded.plan_id, task_id = excluded.task_id,
                        unit_id = excluded.unit_id, unit_name = excluded.unit_name, role = excluded.role,
                        status = excluded.status, active = excluded.active, version = excluded.version""",
            REPORT, """
                    INSERT INTO progress_report (region, id, assignment_id, status, note, completed_on, event_id,
                        reported_by, reported_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    ON CONFLICT (region, id) DO UPDATE SET assignment_id = excluded.assignment_id, status = excluded.status,
                        note = excluded.note, completed_on = excluded.completed_on, event_id = excluded.event_id,
                        reported_by = excluded.reported_by, reported_at = excluded.reported_at""",
            EVENT, """
                    INSERT INTO trigger_event (region, id, assignment_id, trigger, occurred_on, occurred_at, title,
                        recorded_by, recorded_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                    ON CONFLICT (region, id) DO UPDATE SET assignment_id = excluded.assignment_id, trigger = excluded.trigger,
                        occurred_on = excluded.occurred_on, occurred_at = excluded.occurred_at, title = excluded.title,
                        recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""");

    @Inject
    ObligationStore obligations;

    /** Applies {@code items} in feed order; returns how many were applied (unknown types are skipped). */
    public Uni<Integer> apply(SqlClient client, List<ChangePage.Item> items) {
        Map<String, List<Tuple>> byType = new LinkedHashMap<>();
        Set<TaskRef> tasks = new LinkedHashSet<>();
        List<String> planRegions = new ArrayList<>();
        List<UUID> planIds = new ArrayList<>();
        List<String> assignmentRegions = new ArrayList<>();
        List<UUID> assignmentIds = new ArrayList<>();
        int applied = 0;
        for (ChangePage.Item item : items) {
            JsonNode d = item.data();
            String region = item.region() != null ? item.region() : text(d, "region");
            if (d == null || region == null || !UPSERTS.containsKey(item.type())) {
                continue; // a type this service does not follow (forward compatible)
            }
            UUID id = UUID.fromString(item.id() != null ? item.id() : text(d, "id"));
            Tuple t = switch (item.type()) {
                case PLAN -> {
                    planRegions.add(region);
                    planIds.add(id);
                    yield tuple(region, id, text(d, "title"), text(d, "docNumber"), date(d, "issuedOn"),
                            integer(d, "year"), text(d, "kind"), longValue(d, "version"));
                }
                case TASK -> {
                    tasks.add(new TaskRef(region, id));
                    JsonNode rule = d.get("deadline");
                    boolean hasRule = rule != null && rule.isObject();
                    yield tuple(region, id, uuid(d, "planId"), integer(d, "seq"),
                            d.hasNonNull("category") ? new JsonArray(d.get("category").toString()) : null,
                            text(d, "requirement"), text(d, "responsibleText"), text(d, "deadlineText"),
                            hasRule ? new JsonObject(rule.toString()) : null, hasRule ? text(rule, "kind") : null,
                            d.path("needsReview").asBoolean(false), longValue(d, "version"));
                }
                case ASSIGNMENT -> {
                    tasks.add(new TaskRef(region, uuid(d, "taskId")));
                    yield tuple(region, id, uuid(d, "planId"), uuid(d, "taskId"), text(d, "unitId"), text(d, "unitName"),
                            text(d, "role"), text(d, "status"), d.path("active").asBoolean(true), longValue(d, "version"));
                }
                case REPORT -> {
                    assignmentRegions.add(region);
                    assignmentIds.add(uuid(d, "assignmentId"));
                    yield tuple(region, id, uuid(d, "assignmentId"), text(d, "status"), text(d, "note"),
                            date(d, "completedOn"), uuid(d, "eventId"), text(d, "reportedBy"), instant(d, "reportedAt"));
                }
                default -> {
                    assignmentRegions.add(region);
                    assignmentIds.add(uuid(d, "assignmentId"));
                    yield tuple(region, id, uuid(d, "assignmentId"), text(d, "trigger"), date(d, "occurredOn"),
                            instant(d, "occurredAt"), text(d, "title"), text(d, "recordedBy"), instant(d, "recordedAt"));
                }
            };
            byType.computeIfAbsent(item.type(), k -> new ArrayList<>()).add(t);
            applied++;
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<Tuple>> e : byType.entrySet()) {
            chain = chain.chain(() -> client.preparedQuery(UPSERTS.get(e.getKey())).executeBatch(e.getValue())).replaceWithVoid();
        }
        int count = applied;
        return chain
                .chain(() -> affectedByPlans(client, planRegions, planIds, tasks))
                .chain(() -> affectedByAssignments(client, assignmentRegions, assignmentIds, tasks))
                .chain(() -> obligations.rederive(client, tasks))
                .replaceWith(count);
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

    private static Tuple tuple(Object... values) {
        Tuple t = Tuple.tuple();
        for (Object v : values) {
            t.addValue(v);
        }
        return t;
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d == null ? null : d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static UUID uuid(JsonNode d, String field) {
        String s = text(d, field);
        return s == null || s.isBlank() ? null : UUID.fromString(s);
    }

    private static LocalDate date(JsonNode d, String field) {
        String s = text(d, field);
        return s == null || s.isBlank() ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    private static Integer integer(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static Long longValue(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }

    /** Timestamps with an offset as sent; a local one is read as Asia/Shanghai time. */
    private static OffsetDateTime instant(JsonNode d, String field) {
        String s = text(d, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).atZone(AsOf.ZONE).toOffsetDateTime();
        }
    }
}
