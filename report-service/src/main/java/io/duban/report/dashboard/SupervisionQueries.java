package io.duban.report.dashboard;

import io.duban.common.sql.Sql;
import io.duban.report.finding.RectificationRules;
import io.duban.report.obligation.ObligationLight;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The dashboard's {@link SupervisionSummary}: a grouped count over the judged obligations and four counts. */
@ApplicationScoped
public class SupervisionQueries {

    @Inject
    ObligationQueries queries;

    @Inject
    Pool pool;

    public Uni<SupervisionSummary> summary(ObligationFilter base) {
        Sql lights = queries.judged(base, false).wrap("SELECT x.unit_id, max(x.unit_name) AS unit_name,"
                + " count(*) FILTER (WHERE x.light = 'RED') AS red, count(*) FILTER (WHERE x.light = 'YELLOW') AS yellow,"
                + " count(*) FILTER (WHERE x.light = 'BLUE') AS blue FROM (", ") x WHERE x.light IS NOT NULL"
                + " GROUP BY x.unit_id ORDER BY red DESC, yellow DESC, blue DESC, max(x.unit_name), x.unit_id");
        Uni<List<SupervisionSummary.UnitLights>> byUnit = pool.preparedQuery(lights.text()).execute(lights.tuple()).map(rows -> {
            List<SupervisionSummary.UnitLights> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new SupervisionSummary.UnitLights(r.getString("unit_id"), r.getString("unit_name"), r.getLong("red"),
                        r.getLong("yellow"), r.getLong("blue")));
            }
            return out;
        });
        String region = base.region();
        LocalDate asOf = base.asOf();
        Uni<Row> counts = pool.preparedQuery("SELECT"
                        + " (SELECT count(*) FROM extension_request WHERE region = $1 AND status = 'PENDING') AS pending,"
                        + " (SELECT count(*) FROM finding f WHERE f.region = $1 AND " + RectificationRules.OVERDUE.replace(":asOf", "$2")
                        + ") AS overdue_findings,"
                        + " (SELECT count(*) FROM finding f WHERE f.region = $1 AND f.rectification_state = '"
                        + RectificationRules.RECTIFIED + "') AS to_verify,"
                        + " (SELECT count(*) FROM urge WHERE region = $1 AND read_at IS NULL) AS unread")
                .execute(Tuple.of(region, asOf)).map(rows -> rows.iterator().next());
        return Uni.combine().all().unis(byUnit, counts).asTuple().map(t -> {
            Map<String, Long> totals = new LinkedHashMap<>();
            totals.put(ObligationLight.RED.name(), t.getItem1().stream().mapToLong(SupervisionSummary.UnitLights::red).sum());
            totals.put(ObligationLight.YELLOW.name(), t.getItem1().stream().mapToLong(SupervisionSummary.UnitLights::yellow).sum());
            totals.put(ObligationLight.BLUE.name(), t.getItem1().stream().mapToLong(SupervisionSummary.UnitLights::blue).sum());
            Row c = t.getItem2();
            return new SupervisionSummary(totals, t.getItem1(), c.getLong("pending"), c.getLong("overdue_findings"),
                    c.getLong("unread"), c.getLong("to_verify"));
        });
    }
}
