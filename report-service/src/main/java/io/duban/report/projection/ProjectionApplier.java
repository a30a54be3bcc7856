package io.duban.report.projection;

import static io.duban.report.common.BulkUpsert.col;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.report.common.AsOf;
import io.duban.report.common.BulkUpsert;
import io.duban.report.obligation.ObligationStore;
import io.duban.report.obligation.TaskRef;
import io.smallrye.mutiny.Uni;
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

    private static final List<String> KEY = List.of("region", "id");
    private static final Map<String, BulkUpsert> UPSERTS = Map.of(
            PLAN, new BulkUpsert("plan", KEY, List.of(col("region", "text"), col("id", "uuid"), col("title", "text"),
                    col("doc_number", "text"), col("issued_on", "date"), col("year", "int"), col("kind", "text"),
                    col("version", "bigint"))),
            TASK, new BulkUpsert("task", KEY, List.of(col("region", "text"), col("id", "uuid"), col("plan_id", "uuid"),
                    col("seq", "int"), col("category", "jsonb"), col("requirement", "text"),
                    col("responsible_text", "text"), col("deadline_text", "text"), col("deadline", "jsonb"),
                    col("deadline_kind", "text"), col("needs_review", "boolean"), col("version", "bigint"))),
            ASSIGNMENT, new BulkUpsert("assignment", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("plan_id", "uuid"), col("task_id", "uuid"), col("unit_id", "text"), col("unit_name", "text"),
                    col("role", "text"), col("status", "text"), col("active", "boolean"), col("version", "bigint"))),
            REPORT, new BulkUpsert("progress_report", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("status", "text"), col("note", "text"), col("completed_on", "date"),
                    col("event_id", "uuid"), col("reported_by", "text"), col("reported_at", "timestamptz"))),
            EVENT, new BulkUpsert("trigger_event", KEY, List.of(col("region", "text"), col("id", "uuid"),
                    col("assignment_id", "uuid"), col("trigger", "text"), col("occurred_on", "date"),
                    col("occurred_at", "timestamptz"), col("title", "text"), col("recorded_by", "text"),
                    col("recorded_at", "timestamptz"))));

    @Inject
    ObligationStore obligations;

    /** Applies {@code items} in feed order; returns how many were applied (unknown types are skipped). */
    public Uni<Integer> apply(SqlClient client, List<ChangePage.Item> items) {
        Map<String, List<Object[]>> byType = new LinkedHashMap<>();
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
            Object[] t = switch (item.type()) {
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
                            d.hasNonNull("category") ? d.get("category").toString() : null,
                            text(d, "requirement"), text(d, "responsibleText"), text(d, "deadlineText"),
                            hasRule ? rule.toString() : null, hasRule ? text(rule, "kind") : null,
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
        for (Map.Entry<String, List<Object[]>> e : byType.entrySet()) {
            chain = chain.chain(() -> UPSERTS.get(e.getKey()).execute(client, e.getValue())).replaceWithVoid();
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

    private static Object[] tuple(Object... values) {
        return values;
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
