package io.duban.report.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox ({@code alert} table) as the delivery worker sees it: claiming due PENDING rows with
 * {@code FOR UPDATE SKIP LOCKED} (replicas never claim the same row) under a lease, and recording
 * each attempt's outcome.
 */
@ApplicationScoped
public class AlertOutbox {

    private static final String CLAIM = """
            WITH due AS (
                SELECT region, id FROM alert WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE alert a SET attempts = a.attempts + 1, next_attempt_at = now() + make_interval(secs => $2),
                       last_attempt_at = now()
                FROM due WHERE a.region = due.region AND a.id = due.id
                RETURNING a.region, a.id, a.alert_date, a.unit_id, a.unit_name, a.kind, a.items::text AS items, a.attempts,
                          a.note)
            SELECT claimed.*, c.config::text AS channels FROM claimed LEFT JOIN alert_channels c ON c.region = claimed.region""";

    /** A claimed alert with its region's channels. */
    record Claimed(String region, UUID id, LocalDate date, String unitId, String unitName, AlertKind kind,
                   List<AlertItem> items, int attempts, AlertChannels channels, String note) {
    }

    @Inject
    Pool pool;

    @Inject
    AlertChannelStore channelStore;

    @Inject
    ObjectMapper json;

    /** Claims up to {@code batch} due alerts, counting the attempt and reserving them for {@code leaseSeconds}. */
    Uni<List<Claimed>> claim(int batch, long leaseSeconds) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(batch, (double) leaseSeconds)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            for (Row r : rows) {
                claimed.add(claimed(r));
            }
            return claimed;
        });
    }

    Uni<Void> markSent(Claimed c, String channel, AlertFormat format) {
        return update("status = 'SENT', sent_at = now(), last_error = NULL", c, channel, format);
    }

    Uni<Void> markFailed(Claimed c, String channel, AlertFormat format, String error) {
        return update("status = 'FAILED', last_error = $6", c, channel, format, error);
    }

    Uni<Void> retryLater(Claimed c, String channel, AlertFormat format, String error, double afterSeconds) {
        return update("last_error = $6, next_attempt_at = now() + make_interval(secs => $7)", c, channel, format,
                error, afterSeconds);
    }

    /**
     * Records an outcome ({@code set} may use $6, $7 for {@code extra}) unless another worker re-claimed
     * the row after our lease ran out (its attempts moved on).
     */
    private Uni<Void> update(String set, Claimed c, String channel, AlertFormat format, Object... extra) {
        Tuple t = Tuple.tuple().addValue(c.region()).addValue(c.id()).addValue(channel)
                .addValue(format == null ? null : format.name()).addValue(c.attempts());
        for (Object x : extra) {
            t.addValue(x);
        }
        return pool.preparedQuery("UPDATE alert SET " + set + ", channel = $3, format = $4"
                + " WHERE region = $1 AND id = $2 AND attempts = $5").execute(t).replaceWithVoid();
    }

    private Claimed claimed(Row r) {
        try {
            String ch = r.getString("channels");
            return new Claimed(r.getString("region"), r.getUUID("id"), r.getLocalDate("alert_date"), r.getString("unit_id"),
                    r.getString("unit_name"), AlertKind.valueOf(r.getString("kind")),
                    json.readValue(r.getString("items"), new TypeReference<List<AlertItem>>() { }),
                    r.getInteger("attempts"), ch == null ? null : channelStore.read(ch), r.getString("note"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("alert row unreadable", e);
        }
    }
}
