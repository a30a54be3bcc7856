package io.duban.report.dashboard;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The dashboard's 建议提案 numbers per session, one grouped query over the projection of task-service's PROPOSAL
 * snapshots (table {@code proposal}) and the session plans.
 */
@ApplicationScoped
public class ProposalQueries {

    static final List<String> OUTCOMES = List.of("A", "B", "C", "D");

    @Inject
    Pool pool;

    /**
     * The sessions of {@code planId}, or else of asOf's year and the year before, newest first. Answered on time / late
     * / not yet as of asOf (the first reply against the first due day); 解决情况 and 满意度 are the latest known.
     */
    public Uni<List<Dashboard.SessionProposals>> sessions(String region, UUID planId, LocalDate asOf) {
        String answered = "pr.first_replied_on IS NOT NULL AND pr.first_replied_on <= $2";
        StringBuilder sql = new StringBuilder("SELECT p.id, p.title, p.year, count(*) AS assigned,"
                + " count(*) FILTER (WHERE " + answered + " AND pr.first_replied_on <= pr.first_due) AS on_time,"
                + " count(*) FILTER (WHERE " + answered + " AND pr.first_replied_on > pr.first_due) AS late,"
                + " count(*) FILTER (WHERE NOT (" + answered + ")) AS not_answered,"
                + " count(*) FILTER (WHERE NOT (" + answered + ") AND $2 > pr.first_due) AS overdue,");
        for (String o : OUTCOMES) {
            sql.append(" count(*) FILTER (WHERE pr.outcome = '").append(o).append("') AS outcome_").append(o.toLowerCase()).append(',');
        }
        sql.append(" count(*) FILTER (WHERE pr.satisfaction = 'SATISFIED') AS satisfied,"
                + " count(*) FILTER (WHERE pr.satisfaction = 'BASICALLY_SATISFIED') AS basically,"
                + " count(*) FILTER (WHERE pr.satisfaction = 'UNSATISFIED') AS unsatisfied,"
                + " count(*) FILTER (WHERE pr.reopen_count > 0) AS reopened"
                + " FROM proposal pr JOIN plan p ON p.region = pr.region AND p.id = pr.plan_id WHERE pr.region = $1");
        Tuple args = Tuple.of(region, asOf);
        if (planId != null) {
            sql.append(" AND pr.plan_id = $3");
            args.addUUID(planId);
        } else {
            sql.append(" AND p.year >= $3");
            args.addInteger(asOf.getYear() - 1);
        }
        sql.append(" GROUP BY p.id, p.title, p.year ORDER BY p.year DESC, p.title, p.id");
        return pool.preparedQuery(sql.toString()).execute(args).map(rows -> {
            List<Dashboard.SessionProposals> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(line(r));
            }
            return out;
        });
    }

    private static Dashboard.SessionProposals line(Row r) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (String o : OUTCOMES) {
            outcomes.put(o, r.getLong("outcome_" + o.toLowerCase()));
        }
        long answered = outcomes.values().stream().mapToLong(Long::longValue).sum();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        outcomes.forEach((o, n) -> shares.put(o, percent(n, answered)));
        long satisfied = r.getLong("satisfied");
        long basically = r.getLong("basically");
        long unsatisfied = r.getLong("unsatisfied");
        long rated = satisfied + basically + unsatisfied;
        return new Dashboard.SessionProposals(r.getUUID("id"), r.getString("title"), r.getInteger("year"), r.getLong("assigned"),
                r.getLong("on_time"), r.getLong("late"), r.getLong("not_answered"), r.getLong("overdue"), outcomes, shares, rated,
                satisfied, basically, unsatisfied, percent(satisfied + basically, rated), r.getLong("reopened"));
    }

    /** part / whole in percent with 2 decimals; null when whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
