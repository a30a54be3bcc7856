package io.duban.report.dashboard;

import io.duban.report.calendar.CalendarService;
import io.duban.common.sql.Sql;
import io.duban.report.life.AssignmentLife;
import io.duban.report.life.AssignmentLifeQueries;
import io.duban.report.obligation.ObligationStatus;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.duban.report.query.ObligationView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Computes the dashboard with a handful of aggregate queries run in parallel; no per-row Java. */
@ApplicationScoped
public class DashboardService {

    static final int UPCOMING_ITEMS = 20;
    static final int UNITS_RANKED = 50;
    static final int WORST_ITEMS = 10;

    @Inject
    ObligationQueries queries;

    @Inject
    CalendarService calendars;

    @Inject
    Pool pool;

    @Inject
    AssignmentLifeQueries life;

    @Inject
    SupervisionQueries supervision;

    @Inject
    ProposalQueries proposals;

    /** The dashboard with its monthly trend over the plans' year ({@link #planYear}). */
    public Uni<Dashboard> dashboard(String region, UUID planId, LocalDate asOf) {
        return dashboard(region, planId, asOf, (Integer) null);
    }

    /**
     * The dashboard with its monthly trend over {@code trendYear}, or — when null — over the year of the region's plans
     * ({@link #planYear}): a county whose plans are 2023's shows its 2023 months when looked at in 2026.
     */
    public Uni<Dashboard> dashboard(String region, UUID planId, LocalDate asOf, Integer trendYear) {
        Uni<Integer> year = trendYear != null ? Uni.createFrom().item(trendYear) : planYear(region, planId, asOf);
        return year.flatMap(y -> dashboard(region, planId, asOf, (int) y));
    }

    /** The {@code trendYear} query parameter: null when absent, else a year 2000–2100 (400 naming it otherwise). */
    public static Integer trendYear(String param) {
        Integer year = io.duban.common.web.QueryParams.integer("trendYear", param);
        if (year != null && (year < 2000 || year > 2100)) {
            throw io.duban.common.problem.ProblemException.invalidField("trendYear", "trendYear 应为 2000 到 2100 之间的年份");
        }
        return year;
    }

    /** The region's dashboard as of a day, its monthly trend over {@code trendYear} (judged as of asOf all the same). */
    public Uni<Dashboard> dashboard(String region, UUID planId, LocalDate asOf, int trendYear) {
        ObligationFilter base = ObligationFilter.region(region, asOf).withPlan(planId);

        Sql totals = queries.judged(base, false);
        Uni<RowSet<Row>> totalsQ = run(wrap(totals, "SELECT x.status, count(*) AS n, bool_or(x.provisional) AS prov FROM (",
                ") x GROUP BY x.status"));

        Sql units = queries.judged(base.withStatuses(List.of(ObligationStatus.OVERDUE.name())), false);
        Uni<RowSet<Row>> unitsQ = run(wrap(units, "SELECT x.unit_id, max(x.unit_name) AS unit_name, count(*) AS n,"
                + " max(x.workdays_late) AS worst FROM (", ") x GROUP BY x.unit_id ORDER BY n DESC, worst DESC,"
                + " max(x.unit_name), x.unit_id LIMIT " + UNITS_RANKED));

        LocalDate until = calendars.calendar().addWorkdays(asOf, 10).date();
        ObligationFilter upcoming = base.withDue(asOf, until).withStatuses(List.of("OPEN", "DUE_SOON"));
        Uni<Long> upcomingCount = queries.count(upcoming);
        Uni<List<ObligationView>> upcomingItems = queries.list(upcoming, ObligationQueries.BY_DUE, UPCOMING_ITEMS, 0);

        Sql trend = queries.judged(base.withDue(LocalDate.of(trendYear, 1, 1), LocalDate.of(trendYear, 12, 31)),
                false);
        Uni<RowSet<Row>> trendQ = run(wrap(trend, "SELECT to_char(x.due_on, 'YYYY-MM') AS month, count(*) AS due,"
                + " count(*) FILTER (WHERE x.status LIKE 'DONE%') AS done,"
                + " count(*) FILTER (WHERE x.status = 'DONE_ON_TIME') AS on_time,"
                + " count(*) FILTER (WHERE x.status = 'OVERDUE') AS overdue FROM (", ") x GROUP BY 1 ORDER BY 1"));

        Sql review = new Sql();
        // needs_review also flags tasks whose 时限 is understood but whose 责任单位 waits for the supervisor
        // (an undesignated group, an unknown unit): listed for review, not counted as unparsed
        review.append("SELECT t.id, t.seq, t.deadline_text, t.deadline_kind, t.needs_review,"
                + " count(*) FILTER (WHERE t.deadline_kind IS NULL OR t.deadline_kind = 'UNPARSED') OVER () AS unparsed"
                + " FROM task t WHERE t.region = ", region, "");
        if (planId != null) {
            review.append(" AND t.plan_id = ", planId, "");
        }
        review.append(" AND (t.needs_review OR t.deadline_kind IS NULL OR t.deadline_kind = 'UNPARSED')"
                + " ORDER BY t.seq NULLS LAST, t.id LIMIT 100");
        Uni<RowSet<Row>> reviewQ = run(review);

        Sql counts = new Sql();
        counts.append("SELECT count(*) FILTER (WHERE a.unit_id IS NULL OR a.unit_id = '') AS undesignated,"
                + " count(*) FILTER (WHERE a.unit_id <> '' AND a.role IN ('LEAD', 'RESPONSIBLE')"
                + " AND t.deadline_kind IN ('ONGOING', 'ASAP')) AS ongoing"
                + " FROM assignment a JOIN task t ON t.region = a.region AND t.id = a.task_id"
                + " WHERE a.active AND a.region = ", region, "");
        if (planId != null) {
            counts.append(" AND t.plan_id = ", planId, "");
        }
        Uni<RowSet<Row>> countsQ = run(counts);

        Uni<AssignmentLife> lifeQ = life.counts(region, asOf, planId, null);

        Uni<SupervisionSummary> supervisionQ = supervision.summary(base);

        Uni<List<Dashboard.SessionProposals>> proposalsQ = proposals.sessions(region, planId, asOf);

        // /overdue's first page: the same filter, so the same rows in the same order
        Uni<List<ObligationView>> worstQ = queries.list(base.withStatuses(List.of(ObligationStatus.OVERDUE.name())),
                ObligationQueries.BY_DUE, WORST_ITEMS, 0);

        // a tuple holds nine: the tenth and eleventh queries join the nine as a triple, all still run at once
        return Uni.combine().all().unis(Uni.combine().all().unis(totalsQ, unitsQ, upcomingCount, upcomingItems, trendQ, reviewQ,
                        countsQ, lifeQ, supervisionQ).asTuple(), proposalsQ, worstQ).asTuple()
                .map(pair -> {
                    var t = pair.getItem1();
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    for (ObligationStatus s : ObligationStatus.values()) {
                        byStatus.put(s.name(), 0L);
                    }
                    boolean provisional = false;
                    long total = 0;
                    for (Row r : t.getItem1()) {
                        byStatus.put(r.getString("status"), r.getLong("n"));
                        total += r.getLong("n");
                        provisional |= Boolean.TRUE.equals(r.getBoolean("prov"));
                    }
                    long fallenDue = byStatus.get("DONE_ON_TIME") + byStatus.get("DONE_LATE") + byStatus.get("OVERDUE");
                    Double rate = fallenDue == 0 ? null
                            : Math.round(10000.0 * byStatus.get("DONE_ON_TIME") / fallenDue) / 10000.0;
                    List<Dashboard.UnitOverdue> ranked = new ArrayList<>();
                    for (Row r : t.getItem2()) {
                        ranked.add(new Dashboard.UnitOverdue(ranked.size() + 1, r.getString("unit_id"),
                                r.getString("unit_name"), r.getLong("n"), r.getInteger("worst")));
                    }
                    List<Dashboard.MonthTrend> months = new ArrayList<>();
                    for (Row r : t.getItem5()) {
                        months.add(new Dashboard.MonthTrend(r.getString("month"), r.getLong("due"), r.getLong("done"),
                                r.getLong("on_time"), r.getLong("overdue")));
                    }
                    List<Dashboard.ReviewTask> tasks = new ArrayList<>();
                    long unparsed = 0;
                    for (Row r : t.getItem6()) {
                        unparsed = r.getLong("unparsed");
                        String kind = r.getString("deadline_kind");
                        tasks.add(new Dashboard.ReviewTask(r.getUUID("id"), r.getInteger("seq"), r.getString("deadline_text"),
                                kind == null || "UNPARSED".equals(kind) ? "时限要求未能识别" : "需人工复核"));
                    }
                    Row c = t.getItem7().iterator().next();
                    return new Dashboard(region, planId, asOf, byStatus, total, rate, ranked,
                            new Dashboard.Upcoming(until, t.getItem3(), t.getItem4()), months,
                            new Dashboard.Review(unparsed, c.getLong("undesignated"), tasks), c.getLong("ongoing"),
                            provisional, t.getItem8(), t.getItem9(), pair.getItem2(), trendYear, pair.getItem3());
                });
    }

    /**
     * The year of a region's plans (or of one plan) as seen on {@code asOf}: its latest plan year not after asOf's year,
     * else its earliest one, else asOf's year (a region with no plan).
     */
    public Uni<Integer> planYear(String region, UUID planId, LocalDate asOf) {
        // with a plan filter, that plan's year
        return pool.preparedQuery("SELECT coalesce(max(year) FILTER (WHERE year <= $2), min(year)) AS y FROM plan"
                        + " WHERE region = $1 AND year IS NOT NULL AND ($3::uuid IS NULL OR id = $3::uuid)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(region, asOf.getYear(), planId))
                .map(rows -> {
                    Integer y = rows.iterator().next().getInteger("y");
                    return y == null ? asOf.getYear() : y;
                });
    }

    private static Sql wrap(Sql inner, String before, String after) {
        return inner.wrap(before, after);
    }

    private Uni<RowSet<Row>> run(Sql sql) {
        return pool.preparedQuery(sql.text()).execute(sql.tuple());
    }
}
