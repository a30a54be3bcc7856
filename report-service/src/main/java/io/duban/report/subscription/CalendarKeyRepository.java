package io.duban.report.subscription;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code calendar_key} table (the hash of each unit's feed key) and the open obligations a feed lists. */
@ApplicationScoped
public class CalendarKeyRepository {

    /** An open obligation as a calendar shows it. */
    record Open(UUID id, Integer taskSeq, String requirement, LocalDate dueOn, LocalDate originalDueOn, String rule) {
    }

    @Inject
    Pool pool;

    Uni<Optional<String>> unitName(String region, String unitId) {
        return pool.preparedQuery("SELECT unit_name FROM assignment WHERE region = $1 AND unit_id = $2"
                        + " ORDER BY active DESC, unit_name LIMIT 1").execute(Tuple.of(region, unitId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(Optional.ofNullable(rows.iterator().next().getString("unit_name")).orElse(unitId)));
    }

    /** Stores the hash of a new key, replacing the old one (which stops working at once). */
    Uni<Void> rotate(io.vertx.mutiny.sqlclient.SqlClient c, String region, String unitId, String keyHash, String by) {
        return c.preparedQuery("INSERT INTO calendar_key (region, unit_id, key_hash, rotated_by) VALUES ($1, $2, $3, $4)"
                        + " ON CONFLICT (region, unit_id) DO UPDATE SET key_hash = excluded.key_hash,"
                        + " rotated_by = excluded.rotated_by, rotated_at = now()")
                .execute(Tuple.of(region, unitId, keyHash, by)).replaceWithVoid();
    }

    Uni<Optional<String>> keyHash(String region, String unitId) {
        return pool.preparedQuery("SELECT key_hash FROM calendar_key WHERE region = $1 AND unit_id = $2")
                .execute(Tuple.of(region, unitId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("key_hash")));
    }

    /** The unit's obligations not done (nor waiting for 办结审核) as of {@code day}, by due date. */
    Uni<List<Open>> open(String region, String unitId, LocalDate day) {
        return pool.preparedQuery("SELECT o.id, t.seq, t.requirement, o.due_on, coalesce(o.original_due_on, o.due_on) AS original,"
                        + " o.rule_text FROM obligation o LEFT JOIN task t ON t.region = o.region AND t.id = o.task_id"
                        + " WHERE o.region = $1 AND o.unit_id = $2 AND (o.completed_on IS NULL OR o.completed_on > $3)"
                        + " AND (o.pending_review_on IS NULL OR o.pending_review_on > $3) ORDER BY o.due_on, t.seq, o.id")
                .execute(Tuple.of(region, unitId, day)).map(rows -> {
                    List<Open> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Open(r.getUUID("id"), r.getInteger("seq"), r.getString("requirement"), r.getLocalDate("due_on"),
                                r.getLocalDate("original"), r.getString("rule_text")));
                    }
                    return out;
                });
    }
}
