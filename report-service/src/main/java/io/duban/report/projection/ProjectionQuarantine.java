package io.duban.report.projection;

import io.duban.common.audit.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.feed.ChangeItem;
import io.duban.report.common.AdvisoryLock;
import io.duban.report.projection.ProjectionApplier.Applied;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Changes the projection cannot apply, set aside so that one bad change (a date PostgreSQL refuses, a
 * snapshot a newer contract changed) does not halt the follower for every region. Each is kept with
 * its error, counted in {@code duban.projection.quarantined}, logged at ERROR for operators and shown
 * in {@code GET /admin/projection}; after the fix an operator re-applies them in feed order.
 */
@ApplicationScoped
public class ProjectionQuarantine {

    private static final Logger LOG = Logger.getLogger(ProjectionQuarantine.class);
    static final int SHOWN = 100;
    private static final int MAX_ERROR = 300;

    /** A change set aside: where it is in the feed, what it is, why it failed and when. */
    public record QuarantinedChange(String cursor, String region, String type, String id, String error, int attempts,
                                    OffsetDateTime quarantinedAt, OffsetDateTime lastAttemptAt) {
    }

    /** What a re-apply did: how many changes it applied and which remain set aside. */
    public record ReapplyResult(int applied, List<QuarantinedChange> stillQuarantined) {
    }

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    ProjectionApplier applier;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private Counter quarantined;

    @PostConstruct
    void meters() {
        quarantined = Counter.builder("duban.projection.quarantined")
                .description("Changes of the feed set aside because they could not be applied").register(registry);
    }

    /**
     * Applies {@code items} in one go; when that fails, applies them one at a time (each in its own savepoint)
     * and sets aside those that fail. Returns how many were applied and skipped. Runs in the follower's transaction.
     */
    Uni<Applied> applyOrSetAside(SqlClient conn, List<ChangeItem> items) {
        return conn.query("SAVEPOINT projection_batch").execute()
                .chain(() -> Uni.createFrom().deferred(() -> applier.apply(conn, items)))
                .onFailure().recoverWithUni(e -> conn.query("ROLLBACK TO SAVEPOINT projection_batch").execute()
                        .chain(() -> oneByOne(conn, items, 0, new Applied(0, 0))));
    }

    private Uni<Applied> oneByOne(SqlClient conn, List<ChangeItem> items, int i, Applied sofar) {
        if (i == items.size()) {
            return Uni.createFrom().item(sofar);
        }
        ChangeItem item = items.get(i);
        return attempt(conn, item).chain(r -> {
            if (r.done() != null) {
                return oneByOne(conn, items, i + 1,
                        new Applied(sofar.applied() + r.done().applied(), sofar.skipped() + r.done().skipped()));
            }
            Throwable e = r.failure();
            LOG.errorf(e, "projection: change %s (%s %s of region %s) set aside, the follower goes on",
                    item.cursor(), item.type(), item.id(), item.region());
            quarantined.increment();
            return keep(conn, item, e).chain(() -> oneByOne(conn, items, i + 1, sofar));
        });
    }

    /** One change's outcome: applied (or skipped as of an unknown type), or the failure that was rolled back. */
    private record Attempt(Applied done, Throwable failure) {
    }

    /** Applies one change in a savepoint. */
    private Uni<Attempt> attempt(SqlClient conn, ChangeItem item) {
        return conn.query("SAVEPOINT projection_item").execute()
                .chain(() -> Uni.createFrom().deferred(() -> applier.apply(conn, List.of(item))))
                .call(() -> conn.query("RELEASE SAVEPOINT projection_item").execute())
                .map(done -> new Attempt(done, null))
                .onFailure().recoverWithUni(e -> conn.query("ROLLBACK TO SAVEPOINT projection_item").execute()
                        .replaceWith(new Attempt(null, e)));
    }

    private Uni<Void> keep(SqlClient conn, ChangeItem item, Throwable e) {
        return conn.preparedQuery("""
                        INSERT INTO projection_quarantine (cursor, region, type, entity_id, data, error)
                        VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)
                        ON CONFLICT (cursor) DO UPDATE SET error = excluded.error, data = excluded.data,
                            attempts = projection_quarantine.attempts + 1, last_attempt_at = now(), reapplied_at = NULL""")
                .execute(Tuple.from(java.util.Arrays.asList(item.cursor(), item.region(), item.type(), item.id(),
                        item.data() == null ? null : item.data().toString(), reason(e))))
                .replaceWithVoid();
    }

    /**
     * Runs {@code work} in a transaction begun and ended by hand. Vert.x's managed transactions roll back as soon
     * as any statement fails, but setting a change aside means rolling back to a savepoint and going on.
     */
    static <T> Uni<T> inTransaction(Pool pool, java.util.function.Function<SqlClient, Uni<T>> work) {
        return pool.withConnection(conn -> conn.query("BEGIN").execute()
                .chain(() -> Uni.createFrom().deferred(() -> work.apply(conn)))
                .call(() -> conn.query("COMMIT").execute())
                .onFailure().call(() -> conn.query("ROLLBACK").execute().onFailure().recoverWithNull()));
    }

    /** Re-applies every pending change in feed order (an operator's action after the fix). */
    public Uni<ReapplyResult> reapply() {
        return inTransaction(pool, conn -> AdvisoryLock.OBLIGATIONS.lock(conn)
                        .chain(() -> conn.query("SELECT cursor, region, type, entity_id, data::text AS data"
                                + " FROM projection_quarantine WHERE reapplied_at IS NULL ORDER BY seq").execute())
                        .chain(rows -> {
                            List<ChangeItem> items = new ArrayList<>();
                            for (Row r : rows) {
                                items.add(new ChangeItem(r.getString("cursor"), r.getString("region"),
                                        r.getString("type"), r.getString("entity_id"), read(r.getString("data"))));
                            }
                            return reapplyEach(conn, items, 0, 0);
                        })
                        .call(applied -> audit.inTransaction(conn, 200)))
                .chain(applied -> list(null).map(still -> new ReapplyResult(applied, still)));
    }

    private Uni<Integer> reapplyEach(SqlClient conn, List<ChangeItem> items, int i, int applied) {
        if (i == items.size()) {
            return Uni.createFrom().item(applied);
        }
        ChangeItem item = items.get(i);
        return attempt(conn, item).chain(r -> {
            Throwable e = r.failure();
            if (e == null) {
                LOG.infof("projection: quarantined change %s re-applied", item.cursor());
                return conn.preparedQuery("UPDATE projection_quarantine SET reapplied_at = now(), last_attempt_at = now(),"
                                + " attempts = attempts + 1 WHERE cursor = $1").execute(Tuple.of(item.cursor()))
                        .chain(() -> reapplyEach(conn, items, i + 1, applied + 1));
            }
            LOG.errorf(e, "projection: quarantined change %s still cannot be applied", item.cursor());
            return keep(conn, item, e).chain(() -> reapplyEach(conn, items, i + 1, applied));
        });
    }

    /** Pending changes (first {@value #SHOWN} in feed order), of one region or of all when {@code region} is null. */
    Uni<List<QuarantinedChange>> list(String region) {
        return pool.preparedQuery("SELECT cursor, region, type, entity_id, error, attempts, quarantined_at, last_attempt_at"
                        + " FROM projection_quarantine WHERE reapplied_at IS NULL AND ($1::text IS NULL OR region = $1)"
                        + " ORDER BY seq LIMIT " + SHOWN)
                .execute(Tuple.of(region))
                .map(rows -> {
                    List<QuarantinedChange> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new QuarantinedChange(r.getString("cursor"), r.getString("region"), r.getString("type"),
                                r.getString("entity_id"), r.getString("error"), r.getInteger("attempts"),
                                r.getOffsetDateTime("quarantined_at"), r.getOffsetDateTime("last_attempt_at")));
                    }
                    return out;
                });
    }

    /** How many changes are set aside, of one region or of all. */
    Uni<Long> count(String region) {
        return pool.preparedQuery("SELECT count(*) AS n FROM projection_quarantine WHERE reapplied_at IS NULL"
                        + " AND ($1::text IS NULL OR region = $1)")
                .execute(Tuple.of(region)).map(rows -> rows.iterator().next().getLong("n"));
    }

    /** For operators: the kind of failure and its message, shortened (the stack trace is in the log). */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return m.length() > MAX_ERROR ? m.substring(0, MAX_ERROR) + "…" : m;
    }

    private JsonNode read(String data) {
        try {
            return data == null ? null : json.readTree(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("quarantined change is not JSON", e);
        }
    }
}
