package io.duban.report.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every transaction-scoped PostgreSQL advisory lock report-service takes, with its key in one place.
 * Replicas serialise on these; two uses share a key on purpose where they must not interleave.
 */
public enum AdvisoryLock {

    /** The projection's apply and rebuild, and the due-date recomputation after a calendar change: both rewrite obligations. */
    OBLIGATIONS(7242002),
    /** Per region: one alert run at a time, and no channel change in the middle of one. */
    ALERTS(7242007),
    /** Per region and Idempotency-Key: a finding's first request and its retries. */
    FINDING_REQUEST(7242011),
    /** Per region, scope and Idempotency-Key: a creating request (延期申请, 整改, 催办 …) and its retries. */
    CREATION_KEY(7242014),
    /** Per region and obligation: granting extensions (an approval and a direct extension must not interleave). */
    EXTENSION(7242015);

    private final int key;

    AdvisoryLock(int key) {
        this.key = key;
    }

    public int key() {
        return key;
    }

    /** Waits for the lock until the transaction of {@code tx} ends. */
    public Uni<Void> lock(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1::bigint)").execute(Tuple.of(key)).replaceWithVoid();
    }

    /** Waits for the lock of one {@code scope} (a region, a region and key …) until the transaction ends. */
    public Uni<Void> lock(SqlClient tx, String scope) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext($2))").execute(Tuple.of(key, scope)).replaceWithVoid();
    }

    /** Takes the lock if no other transaction holds it; true when taken. */
    public Uni<Boolean> tryLock(SqlClient tx) {
        return tx.preparedQuery("SELECT pg_try_advisory_xact_lock($1::bigint) AS locked").execute(Tuple.of(key))
                .map(rows -> rows.iterator().next().getBoolean("locked"));
    }
}
