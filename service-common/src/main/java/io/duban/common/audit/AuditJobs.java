package io.duban.common.audit;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The audit trail's two jobs: the sealer (every second by default) links new records into their chains; the
 * retention job (daily) removes records older than the retention period and leaves a record of having done so.
 * Each takes a PostgreSQL advisory lock, so with several replicas one does the work.
 */
@ApplicationScoped
public class AuditJobs {

    private static final Logger LOG = Logger.getLogger(AuditJobs.class);

    @Inject
    AuditLog log;

    @Inject
    AuditConfig config;

    @Scheduled(every = "${duban.audit.seal-interval:1s}", skipExecutionIf = Off.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    Uni<Void> seal() {
        return sealAll().onFailure().recoverWithUni(e -> {
            LOG.warnf("audit sealer: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    /** Links every record below the commit horizon (tests call this instead of waiting for the schedule). */
    public Uni<Void> sealAll() {
        return log.seal(config.sealBatch()).flatMap(n -> n >= config.sealBatch() ? sealAll() : Uni.createFrom().voidItem());
    }

    @Scheduled(cron = "${duban.audit.retention-cron:0 20 3 * * ?}", timeZone = "Asia/Shanghai", skipExecutionIf = Off.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retention() {
        return purge().replaceWithVoid().onFailure().recoverWithUni(e -> {
            LOG.warnf("audit retention: %s", e.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    /** Removes what is older than the retention period; the number removed. */
    public Uni<Long> purge() {
        return log.purge(Instant.now().minus(config.retention())).invoke(n -> {
            if (n > 0) {
                LOG.infof("audit retention: removed %d records older than %s", n, config.retention());
            }
        });
    }

    /** Skips both jobs while auditing is off. */
    @ApplicationScoped
    public static class Off implements Scheduled.SkipPredicate {

        @Inject
        AuditConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
