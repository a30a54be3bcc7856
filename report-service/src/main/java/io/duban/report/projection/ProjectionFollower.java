package io.duban.report.projection;

import io.duban.report.common.AdvisoryLock;
import io.duban.common.problem.ProblemException;
import io.duban.report.calendar.CalendarService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.duban.feed.ChangePage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Follows task-service's change feed into the projection. A batch is fetched outside any
 * transaction, then applied in one transaction that first takes a PostgreSQL advisory lock
 * (only one replica applies at a time) and checks that the stored cursor is still the one the
 * batch was fetched from (a replica that lost the race discards its batch). The new cursor is
 * written in that same transaction, so a batch is applied exactly once.
 */
@ApplicationScoped
public class ProjectionFollower {

    private static final Logger LOG = Logger.getLogger(ProjectionFollower.class);
    static final String FEED = "task-feed";
    /** Advisory lock key of the follower ("duban report projection"). */

    /** What one sync attempt did. */
    public enum Outcome { APPLIED, UP_TO_DATE, LOCKED_BY_OTHER, STALE }

    /** The result of a sync: what happened, how many changes were applied, where the cursor is. */
    public record SyncResult(Outcome outcome, int applied, String cursor, boolean hasMore) {
        SyncResult plus(int more) {
            return new SyncResult(outcome, applied + more, cursor, hasMore);
        }
    }

    @Inject
    Pool pool;

    @Inject
    TaskFeedClient feed;

    @Inject
    ProjectionApplier applier;

    @Inject
    ProjectionConfig config;

    @Inject
    CalendarService calendars;

    @Inject
    MeterRegistry registry;

    private Counter appliedChanges;
    private Counter failures;
    private Timer batchTimer;

    @PostConstruct
    void meters() {
        appliedChanges = Counter.builder("duban.projection.changes.applied")
                .description("Changes of task-service's feed applied to the projection").register(registry);
        failures = Counter.builder("duban.projection.failures")
                .description("Sync attempts that failed (feed unreachable or apply failed)").register(registry);
        batchTimer = Timer.builder("duban.projection.batch")
                .description("Applying one batch of the feed (the next one is fetched meanwhile)").register(registry);
    }

    @Scheduled(every = "${duban.projection.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ProjectionDisabled.class)
    Uni<Void> tick() {
        return calendars.refreshIfChanged()
                .onFailure().recoverWithNull()
                .chain(() -> catchUp(config.maxBatchesPerRun()))
                .onFailure().invoke(e -> LOG.warnf("projection sync failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Applies batches until the feed has no more or {@code maxBatches} were applied. While one batch
     * is applied the next is already being fetched (fetching is read-only; a prefetched page is simply
     * dropped when its batch turns out stale or the apply fails).
     */
    public Uni<SyncResult> catchUp(int maxBatches) {
        return cursor(pool).chain(after -> fetch(after).chain(page -> follow(after, page, maxBatches)));
    }

    /** Fetches and applies one batch. Fails with 503 when task-service cannot be reached (and records why). */
    public Uni<SyncResult> syncOnce() {
        return catchUp(1);
    }

    private Uni<SyncResult> follow(String after, ChangePage page, int remaining) {
        Uni<SyncResult> applied = applyBatch(after, page);
        if (remaining <= 1 || !page.hasMore() || page.next() == null || page.items().isEmpty()) {
            return applied;
        }
        // a failed prefetch is recorded by fetch(); the batch in hand still counts, the next run retries
        Uni<ChangePage> next = fetch(page.next()).onFailure().recoverWithNull();
        return Uni.combine().all().unis(applied, next).asTuple().chain(t -> {
            SyncResult r = t.getItem1();
            ChangePage nextPage = t.getItem2();
            if (r.outcome() != Outcome.APPLIED || !r.hasMore() || nextPage == null) {
                return Uni.createFrom().item(r);
            }
            return follow(r.cursor(), nextPage, remaining - 1).map(more -> more.plus(r.applied()));
        });
    }

    private Uni<ChangePage> fetch(String after) {
        return feed.fetch(after, config.batchSize())
                .onFailure().call(e -> recordError("任务服务变更流不可达：" + e.getMessage()))
                .onFailure(TaskFeedClient.FeedUnavailable.class)
                .transform(e -> ProblemException.upstreamUnavailable("任务服务暂不可达，已保留现有数据，稍后自动追赶。"))
                .onFailure().invoke(e -> failures.increment());
    }

    private Uni<SyncResult> applyBatch(String after, ChangePage page) {
        Timer.Sample sample = Timer.start(registry);
        return pool.withTransaction(conn -> apply(conn, after, page))
                .onFailure().call(e -> recordError("应用变更失败：" + e))
                .onFailure().invoke(e -> failures.increment())
                .invoke(r -> {
                    if (r.outcome() == Outcome.APPLIED) {
                        appliedChanges.increment(r.applied());
                        sample.stop(batchTimer);
                    }
                });
    }

    private Uni<SyncResult> apply(SqlClient conn, String after, ChangePage page) {
        return AdvisoryLock.OBLIGATIONS.tryLock(conn)
                .chain(locked -> {
                    if (!locked) {
                        return Uni.createFrom().item(new SyncResult(Outcome.LOCKED_BY_OTHER, 0, after, true));
                    }
                    return cursor(conn).chain(current -> {
                        if (!Objects.equals(current, after)) {
                            return Uni.createFrom().item(new SyncResult(Outcome.STALE, 0, current, true));
                        }
                        String next = page.next() != null && !page.items().isEmpty() ? page.next() : after;
                        return applier.apply(conn, page.items())
                                .chain(done -> conn.preparedQuery("UPDATE projection_cursor SET cursor = $1,"
                                                + " applied_total = applied_total + $2, has_more = $3, last_success_at = now()"
                                                + " WHERE name = $4")
                                        .execute(Tuple.of(next, done.applied(), page.hasMore(), FEED))
                                        .invoke(() -> {
                                            if (done.applied() > 0 || done.skipped() > 0) {
                                                LOG.debugf("projection applied %d changes (skipped %d of unknown types) up to cursor %s",
                                                        done.applied(), done.skipped(), next);
                                            }
                                        })
                                        .replaceWith(new SyncResult(page.items().isEmpty() ? Outcome.UP_TO_DATE
                                                  : Outcome.APPLIED, done.applied(), next, page.hasMore())));
                    });
                });
    }

    /**
     * Empties the projection and follows the feed again from its beginning (ids of obligations are stable). Refuses
     * with 409 while another rebuild runs on any replica; a mark older than an hour is a crashed replica's.
     */
    public Uni<RebuildResult> rebuild() {
        return pool.preparedQuery("UPDATE projection_cursor SET rebuild_started_at = now() WHERE name = $1"
                        + " AND (rebuild_started_at IS NULL OR rebuild_started_at < now() - interval '1 hour') RETURNING name")
                .execute(Tuple.of(FEED))
                .chain(marked -> {
                    if (marked.rowCount() == 0) {
                        return Uni.createFrom().failure(ProblemException.conflict("另一次投影重建正在进行，请稍后再试。"));
                    }
                    return replay().onTermination().call(() -> pool.preparedQuery(
                                    "UPDATE projection_cursor SET rebuild_started_at = NULL WHERE name = $1")
                            .execute(Tuple.of(FEED)).replaceWithVoid().onFailure().recoverWithNull());
                });
    }

    private Uni<RebuildResult> replay() {
        return pool.withTransaction(conn -> AdvisoryLock.OBLIGATIONS.lock(conn)
                        .chain(() -> conn.query("TRUNCATE plan, task, assignment, progress_report, trigger_event, obligation")
                                .execute())
                        .chain(() -> conn.preparedQuery("UPDATE projection_cursor SET cursor = NULL, applied_total = 0,"
                                + " has_more = true WHERE name = $1").execute(Tuple.of(FEED))))
                .chain(() -> catchUp(Integer.MAX_VALUE))
                .chain(r -> regionCounts().map(regions -> {
                    LOG.infof("projection rebuilt: %d changes applied, %d regions", r.applied(), regions.size());
                    return new RebuildResult(r.outcome(), r.applied(), r.cursor(), r.hasMore(), regions);
                }));
    }

    private Uni<java.util.List<RebuildResult.RegionCount>> regionCounts() {
        return pool.query("""
                        SELECT r.region,
                               (SELECT count(*) FROM plan p WHERE p.region = r.region) AS plans,
                               (SELECT count(*) FROM task t WHERE t.region = r.region) AS tasks,
                               (SELECT count(*) FROM assignment a WHERE a.region = r.region) AS assignments,
                               (SELECT count(*) FROM obligation o WHERE o.region = r.region) AS obligations
                        FROM (SELECT DISTINCT region FROM plan) r ORDER BY r.region""")
                .execute()
                .map(rows -> {
                    java.util.List<RebuildResult.RegionCount> out = new java.util.ArrayList<>();
                    for (Row row : rows) {
                        out.add(new RebuildResult.RegionCount(row.getString("region"), row.getLong("plans"),
                                row.getLong("tasks"), row.getLong("assignments"), row.getLong("obligations")));
                    }
                    return out;
                });
    }

    public Uni<ProjectionState> state() {
        return pool.preparedQuery("SELECT * FROM projection_cursor WHERE name = $1").execute(Tuple.of(FEED))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime success = r.getOffsetDateTime("last_success_at");
                    Long lag = success == null ? null
                            : java.time.Duration.between(success, OffsetDateTime.now()).toSeconds();
                    return new ProjectionState(r.getString("cursor"), r.getLong("applied_total"), r.getBoolean("has_more"),
                            success, lag, r.getString("last_error"), r.getOffsetDateTime("last_error_at"));
                });
    }

    private static Uni<String> cursor(SqlClient client) {
        return client.preparedQuery("SELECT cursor FROM projection_cursor WHERE name = $1").execute(Tuple.of(FEED))
                .map(rows -> rows.iterator().next().getString("cursor"));
    }

    private Uni<Void> recordError(String message) {
        String m = message.length() > 1000 ? message.substring(0, 1000) : message;
        return pool.preparedQuery("UPDATE projection_cursor SET last_error = $1, last_error_at = now() WHERE name = $2")
                .execute(Tuple.of(m, FEED)).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    /** Skips scheduled runs when {@code duban.projection.enabled} is false. */
    @ApplicationScoped
    public static class ProjectionDisabled implements Scheduled.SkipPredicate {
        @Inject
        ProjectionConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
