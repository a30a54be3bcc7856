package io.duban.report.life;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 退回次数: completions returned by 办结审核, per unit, whose reported completion day falls in a span (the quarter or
 * year being judged, up to its asOf) — dated like the completions the same documents count, not by the decision's day.
 */
@ApplicationScoped
public class ReturnCounts {

    @Inject
    Pool pool;

    public Uni<Map<String, Long>> byUnit(String region, LocalDate from, LocalDate to, List<UUID> planIds) {
        UUID[] plans = planIds == null || planIds.isEmpty() ? null : planIds.toArray(UUID[]::new);
        return pool.preparedQuery("SELECT a.unit_id, count(*) AS n FROM completion_review c JOIN assignment a ON a.region = c.region"
                        + " AND a.id = c.assignment_id WHERE c.region = $1 AND c.decision = 'RETURN'"
                        + " AND c.completed_on BETWEEN $2 AND $3"
                        + " AND ($4::uuid[] IS NULL OR a.plan_id = ANY($4)) GROUP BY a.unit_id")
                .execute(Tuple.of(region, from, to, plans))
                .map(rows -> {
                    Map<String, Long> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(r.getString("unit_id"), r.getLong("n"));
                    }
                    return out;
                });
    }
}
