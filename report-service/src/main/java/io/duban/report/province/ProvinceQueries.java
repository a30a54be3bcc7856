package io.duban.report.province;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates across regions. Overdue needs only {@code due_on} and {@code completed_on}
 * (the OVERDUE branch of the status rule), both in the covering {@code (region, due_on)} index,
 * so one grouped index-only scan answers for a whole province.
 */
@ApplicationScoped
public class ProvinceQueries {

    @Inject
    Pool pool;

    public Uni<OverdueSummary> overdue(String prefix, LocalDate asOf) {
        String[] range = RegionScope.range(prefix);
        String sql = "SELECT region, count(*) AS n, min(due_on) AS oldest FROM obligation"
                + " WHERE region >= $1 AND ($2::text IS NULL OR region < $2)"
                + " AND due_on < $3 AND (completed_on IS NULL OR completed_on > $3) AND (pending_review_on IS NULL OR pending_review_on > $3)"
                + " GROUP BY region ORDER BY n DESC, region";
        return pool.preparedQuery(sql).execute(Tuple.of(range[0], range[1], asOf)).map(rows -> {
            List<OverdueSummary.RegionCount> regions = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                long n = r.getLong("n");
                total += n;
                regions.add(new OverdueSummary.RegionCount(r.getString("region"), n, r.getLocalDate("oldest")));
            }
            return new OverdueSummary(asOf, prefix, total, regions);
        });
    }
}
