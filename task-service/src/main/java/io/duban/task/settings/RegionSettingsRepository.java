package io.duban.task.settings;

import io.duban.common.audit.AuditTrail;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Region settings in SQL. */
@ApplicationScoped
public class RegionSettingsRepository {

    @Inject
    Pool pool;

    @Inject
    AuditTrail audit;

    public Uni<RegionSettings> get(String region) {
        return pool.preparedQuery("select region, ack_working_days, completion_review, version from region_settings where region = $1")
                .execute(Tuple.of(region))
                .map(rows -> rows.size() == 0 ? RegionSettings.defaults(region) : from(rows.iterator().next()));
    }

    /**
     * Saves {@code next} if the stored version is still {@code expected} (0: none stored), with its REGION_SETTINGS change
     * and the request's audit record (200) in one transaction; empty when it is not (nothing written: the 412 is recorded
     * by the response filter).
     */
    public Uni<Optional<RegionSettings>> save(RegionSettings next, long expected) {
        return pool.withTransaction(tx -> {
            String sql = expected == 0
                    ? "insert into region_settings (region, ack_working_days, completion_review, version) values ($1, $2, $3, 1) "
                            + "on conflict (region) do nothing returning region, ack_working_days, completion_review, version"
                    : "update region_settings set ack_working_days = $2, completion_review = $3, version = version + 1 "
                            + "where region = $1 and version = $4 returning region, ack_working_days, completion_review, version";
            Tuple args = Tuple.of(next.region(), next.ackWorkingDays(), next.completionReview().name());
            if (expected != 0) {
                args.addLong(expected);
            }
            return tx.preparedQuery(sql).execute(args).flatMap(rows -> {
                if (rows.rowCount() == 0) {
                    return Uni.createFrom().item(Optional.<RegionSettings>empty());
                }
                RegionSettings saved = from(rows.iterator().next());
                return ChangeLog.append(tx, saved.snapshot()).call(v -> audit.inTransaction(tx, 200)).replaceWith(Optional.of(saved));
            });
        });
    }

    private static RegionSettings from(Row r) {
        return new RegionSettings(r.getString("region"), r.getInteger("ack_working_days"),
                CompletionReview.valueOf(r.getString("completion_review")), r.getLong("version"));
    }
}
