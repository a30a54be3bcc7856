package io.duban.report.extension;

import io.duban.common.sql.PagedQuery;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code extension_request} and {@code obligation_extension} tables, and the obligation an extension moves. */
@ApplicationScoped
public class ExtensionRepository {

    /** The obligation as extensions see it, with how many extensions it was granted. */
    record Target(UUID id, UUID taskId, String unitId, String unitName, LocalDate dueOn, LocalDate originalDueOn,
                  LocalDate completedOn, LocalDate pendingReviewOn, long granted) {

        ExtensionRules.State state(LocalDate today) {
            boolean closed = completedOn != null && !completedOn.isAfter(today)
                    || pendingReviewOn != null && !pendingReviewOn.isAfter(today);
            return new ExtensionRules.State(dueOn, closed, granted);
        }
    }

    @Inject
    Pool pool;

    /** The obligation, locked in {@code c}'s transaction when {@code forUpdate}; empty when the region has none such. */
    Uni<Optional<Target>> target(SqlClient c, String region, UUID obligationId, boolean forUpdate) {
        return c.preparedQuery("SELECT o.id, o.task_id, o.unit_id, o.unit_name, o.due_on, coalesce(o.original_due_on, o.due_on)"
                        + " AS original_due_on, o.completed_on, o.pending_review_on,"
                        + " (SELECT count(*) FROM obligation_extension e WHERE e.region = o.region AND e.obligation_id = o.id) AS granted"
                        + " FROM obligation o WHERE o.region = $1 AND o.id = $2" + (forUpdate ? " FOR UPDATE OF o" : ""))
                .execute(Tuple.of(region, obligationId)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Target(r.getUUID("id"), r.getUUID("task_id"), r.getString("unit_id"),
                            r.getString("unit_name"), r.getLocalDate("due_on"), r.getLocalDate("original_due_on"),
                            r.getLocalDate("completed_on"), r.getLocalDate("pending_review_on"), r.getLong("granted")));
                });
    }

    Uni<Optional<UUID>> pendingRequest(SqlClient c, String region, UUID obligationId) {
        return c.preparedQuery("SELECT id FROM extension_request WHERE region = $1 AND obligation_id = $2 AND status = 'PENDING'"
                        + " ORDER BY requested_at LIMIT 1").execute(Tuple.of(region, obligationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    Uni<ExtensionRequest> insertRequest(SqlClient c, String region, Target o, LocalDate requestedDueOn, String reason, String by) {
        return c.preparedQuery("INSERT INTO extension_request (region, id, obligation_id, task_id, unit_id, unit_name, due_on,"
                        + " requested_due_on, reason, requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
                        + " RETURNING " + ExtensionRequest.COLUMNS)
                .execute(Tuple.from(Arrays.asList(region, UUID.randomUUID(), o.id(), o.taskId(), o.unitId(), o.unitName(),
                        o.dueOn(), requestedDueOn, reason, by)))
                .map(rows -> ExtensionRequest.from(rows.iterator().next()));
    }

    Uni<Optional<ExtensionRequest>> request(SqlClient c, String region, UUID id, boolean forUpdate) {
        return c.preparedQuery("SELECT " + ExtensionRequest.COLUMNS + " FROM extension_request WHERE region = $1 AND id = $2"
                        + (forUpdate ? " FOR UPDATE" : "")).execute(Tuple.of(region, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ExtensionRequest.from(rows.iterator().next())));
    }

    Uni<Optional<ExtensionRequest>> request(String region, UUID id) {
        return request(pool, region, id, false);
    }

    Uni<ExtensionRequest> decide(SqlClient c, String region, UUID id, String status, LocalDate approvedDueOn, String comment,
                                 String by) {
        return c.preparedQuery("UPDATE extension_request SET status = $3, approved_due_on = $4, decision_comment = $5,"
                        + " decided_by = $6, decided_at = now(), version = version + 1 WHERE region = $1 AND id = $2"
                        + " RETURNING " + ExtensionRequest.COLUMNS)
                .execute(Tuple.from(Arrays.asList(region, id, status, approvedDueOn, comment, by)))
                .map(rows -> ExtensionRequest.from(rows.iterator().next()));
    }

    Uni<Page<ExtensionRequest>> requests(String region, String status, String unitId, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(region));
        StringBuilder where = new StringBuilder(" FROM extension_request WHERE region = $1");
        if (status != null) {
            params.add(status);
            where.append(" AND status = $").append(params.size());
        }
        if (unitId != null) {
            params.add(unitId);
            where.append(" AND unit_id = $").append(params.size());
        }
        return PagedQuery.page(pool, "SELECT " + ExtensionRequest.COLUMNS + where + " ORDER BY requested_at DESC, id",
                "SELECT count(*)" + where, params, page, ExtensionRequest::from);
    }

    /** Grants an extension and moves the obligation's due date in force. */
    Uni<Extension> grant(SqlClient c, String region, Target o, UUID requestId, LocalDate dueOn, String reason, String by,
                         LocalDate on) {
        return c.preparedQuery("INSERT INTO obligation_extension (region, id, obligation_id, task_id, unit_id, unit_name,"
                        + " request_id, previous_due_on, due_on, reason, granted_by, granted_on) VALUES ($1, $2, $3, $4, $5, $6,"
                        + " $7, $8, $9, $10, $11, $12) RETURNING " + Extension.COLUMNS)
                .execute(Tuple.from(Arrays.asList(region, UUID.randomUUID(), o.id(), o.taskId(), o.unitId(), o.unitName(),
                        requestId, o.dueOn(), dueOn, reason, by, on)))
                .map(rows -> Extension.from(rows.iterator().next()))
                .call(() -> c.preparedQuery("UPDATE obligation SET due_on = $3 WHERE region = $1 AND id = $2")
                        .execute(Tuple.of(region, o.id(), dueOn)));
    }

    Uni<Extension> extension(SqlClient c, String region, UUID id) {
        return c.preparedQuery("SELECT " + Extension.COLUMNS + " FROM obligation_extension WHERE region = $1 AND id = $2")
                .execute(Tuple.of(region, id)).map(rows -> Extension.from(rows.iterator().next()));
    }

    /** The extensions an obligation was granted, oldest first. */
    Uni<List<Extension>> extensionsOf(String region, UUID obligationId) {
        return pool.preparedQuery("SELECT " + Extension.COLUMNS + " FROM obligation_extension WHERE region = $1"
                        + " AND obligation_id = $2 ORDER BY seq").execute(Tuple.of(region, obligationId))
                .map(ExtensionRepository::list);
    }

    /** Extensions granted on a day in [from, to], by unit then time: for the 通报. */
    public Uni<List<Extension>> grantedBetween(String region, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT " + Extension.COLUMNS + " FROM obligation_extension WHERE region = $1"
                        + " AND granted_on BETWEEN $2 AND $3 ORDER BY unit_name, seq")
                .execute(Tuple.of(region, from, to)).map(ExtensionRepository::list);
    }

    private static List<Extension> list(Iterable<Row> rows) {
        List<Extension> out = new ArrayList<>();
        rows.forEach(r -> out.add(Extension.from(r)));
        return out;
    }
}
