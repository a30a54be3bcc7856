package io.duban.report.dashboard;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the data version of a region (V80's {@code region_data_version}, moved by triggers on every write a dashboard
 * counts): the region's own plus the shared one ({@code '*'}: calendar, TRUNCATE). Both only grow, so their sum moves
 * on every write that concerns the region.
 */
@ApplicationScoped
public class DataVersions {

    @Inject
    Pool pool;

    public Uni<Long> of(String region) {
        return pool.preparedQuery("SELECT coalesce(sum(version), 0) AS v FROM region_data_version WHERE region = $1 OR region = '*'")
                .execute(Tuple.of(region)).map(rows -> rows.iterator().next().getLong("v"));
    }

    /** The same over every region whose code starts with {@code prefix} (a province or prefecture view). */
    public Uni<Long> ofPrefix(String prefix) {
        return pool.preparedQuery("SELECT coalesce(sum(version), 0) AS v FROM region_data_version"
                        + " WHERE starts_with(region, $1) OR region = '*'")
                .execute(Tuple.of(prefix)).map(rows -> rows.iterator().next().getLong("v"));
    }
}
