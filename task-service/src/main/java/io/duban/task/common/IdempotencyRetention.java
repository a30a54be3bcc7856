package io.duban.task.common;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Forgets Idempotency-Keys after a retention period: a client retries within minutes or hours, and
 * the table would otherwise grow by one row per keyed report forever. After that a reused key is
 * simply a new request (its facts are long in the change feed).
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);

    @Inject
    Pool pool;

    @Inject
    IdempotencyConfig config;

    @Scheduled(every = "${duban.idempotency.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        Duration retention = config.retention();
        return purgeOlderThan(retention)
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("forgot %d idempotency keys older than %s", n, retention);
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("idempotency key purge failed: %s", e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes keys older than {@code age}; returns how many. */
    public Uni<Integer> purgeOlderThan(Duration age) {
        return pool.preparedQuery("delete from idempotency_key where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) age.toSeconds())).map(rows -> rows.rowCount());
    }
}
