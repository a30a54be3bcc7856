package io.duban.report.alert;

import io.duban.common.audit.AuditTrail;
import io.duban.report.common.AdvisoryLock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.report.calendar.CalendarService;
import io.duban.report.finding.RectificationRules;
import io.duban.common.sql.Sql;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.duban.report.query.ObligationView;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Decides a day's alerts for a region and writes them to the outbox in the same transaction.
 * Runs for one region at a time under a transaction-scoped advisory lock per region, so when two
 * replicas fire together the second waits and then finds the day's alerts written: their ids are
 * stable per (region, unit, day, kind) and inserted with ON CONFLICT DO NOTHING. Non-working days
 * of the calendar in use (uploaded years included) decide nothing.
 */
@ApplicationScoped
public class AlertRun {

    private static final Logger LOG = Logger.getLogger(AlertRun.class);
    /** Advisory lock class of alert decisions; the second key is the region's hash. */

    /** What a run did: alerts decided, newly written, already there, or not written for want of a channel. */
    public record RunSummary(String region, LocalDate date, boolean workingDay, int decided, int created,
                             int skippedExisting, int skippedNoChannel) {
    }

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    CalendarService calendars;

    @Inject
    ObligationQueries queries;

    @Inject
    AlertChannelStore channels;

    @Inject
    AlertConfig config;

    @Inject
    ObjectMapper json;

    @Scheduled(identity = "alerts-daily", cron = "${duban.alerts.cron}", timeZone = "${duban.alerts.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> daily() {
        LocalDate today = LocalDate.now(ZoneId.of(config.timeZone()));
        return calendars.refreshIfChanged().onFailure().recoverWithNull()
                .chain(() -> pool.query("SELECT region FROM alert_channels ORDER BY region").execute())
                .chain(rows -> {
                    List<String> regions = new ArrayList<>();
                    rows.forEach(r -> regions.add(r.getString("region")));
                    return Multi.createFrom().iterable(regions)
                            .onItem().transformToUniAndConcatenate(region -> run(region, today)
                                    .onFailure().invoke(e -> LOG.warnf("alert run for %s on %s failed: %s", region, today, e))
                                    .onFailure().recoverWithNull())
                            .collect().asList();
                })
                .invoke(list -> LOG.infof("alert run on %s: %s", today, list))
                .onFailure().invoke(e -> LOG.warnf("alert run on %s failed: %s", today, e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Decides and stores {@code region}'s alerts for {@code date}; nothing on a non-working day. */
    public Uni<RunSummary> run(String region, LocalDate date) {
        WorkdayCalendar calendar = calendars.calendar();
        if (!calendar.isWorkday(date)) {
            return Uni.createFrom().item(new RunSummary(region, date, false, 0, 0, 0, 0));
        }
        AlertPlanner planner = new AlertPlanner(config.escalateAfterWorkdays());
        return pool.withTransaction(conn -> AdvisoryLock.ALERTS.lock(conn, region)
                .chain(() -> channels.load(conn, region, false))
                .chain(stored -> judge(conn, calendar, region, date).chain(due -> lifeItems(conn, region, date)
                        .chain(life -> overdueFindings(conn, region, date).chain(findings -> {
                    List<PlannedAlert> planned = new ArrayList<>(planner.plan(region, date, due));
                    planned.addAll(planner.planLife(region, date, life.names(), life.items()));
                    planned.addAll(planner.planRectification(region, date, findings.names(), findings.items()));
                    if (stored.channels() == null) {
                        return Uni.createFrom().item(new RunSummary(region, date, true, planned.size(), 0, 0, planned.size()));
                    }
                    return insert(conn, region, date, planned).map(created -> new RunSummary(region, date, true,
                            planned.size(), created, planned.size() - created, 0));
                })))).call(summary -> audit.inTransaction(conn, 200)));
    }

    /** Per unit: its findings open past their 整改 deadline (the day's digest lists them). */
    private Uni<LifeItems> overdueFindings(SqlClient conn, String region, LocalDate date) {
        return conn.preparedQuery("SELECT f.id, f.unit_id, f.unit_name, f.description, f.rectify_by FROM finding f"
                        + " WHERE f.region = $1 AND " + RectificationRules.OVERDUE.replace(":asOf", "$2")
                        + " ORDER BY f.unit_id, f.rectify_by, f.id")
                .execute(Tuple.of(region, date)).map(rows -> {
                    Map<String, String> names = new java.util.HashMap<>();
                    Map<String, List<AlertItem>> items = new java.util.HashMap<>();
                    for (Row r : rows) {
                        String unit = r.getString("unit_id");
                        names.putIfAbsent(unit, r.getString("unit_name"));
                        items.computeIfAbsent(unit, k -> new ArrayList<>()).add(new AlertItem(r.getUUID("id"), null,
                                "检查问题：" + r.getString("description"), r.getLocalDate("rectify_by"), null, null));
                    }
                    return new LifeItems(names, items);
                });
    }

    /** Per unit: its assignments not signed for past the 签收 window and its 工作台账 not submitted by the due day. */
    record LifeItems(Map<String, String> names, Map<String, List<AlertItem>> items) {
    }

    private Uni<LifeItems> lifeItems(SqlClient conn, String region, LocalDate date) {
        return conn.preparedQuery(io.duban.report.life.AssignmentLifeQueries.LATE_FOR_ALERTS)
                .execute(Tuple.of(region, date)).map(rows -> {
                    Map<String, String> names = new java.util.HashMap<>();
                    Map<String, List<AlertItem>> items = new java.util.HashMap<>();
                    for (Row r : rows) {
                        String unit = r.getString("unit_id");
                        names.putIfAbsent(unit, r.getString("unit_name"));
                        items.computeIfAbsent(unit, k -> new ArrayList<>()).add(new AlertItem(r.getUUID("id"),
                                r.getInteger("seq"), r.getString("what"), r.getLocalDate("due_on"), null, null));
                    }
                    return new LifeItems(names, items);
                });
    }

    /** The region's open obligations that are DUE_SOON or OVERDUE on {@code date}, judged by the shared SQL rule. */
    private Uni<List<DueItem>> judge(SqlClient conn, WorkdayCalendar calendar, String region, LocalDate date) {
        Sql sql = queries.judged(ObligationFilter.region(region, date).withStatuses(List.of("DUE_SOON", "OVERDUE")));
        sql.append(" ORDER BY " + ObligationQueries.BY_DUE);
        return conn.preparedQuery(sql.text()).execute(sql.tuple()).map(rows -> {
            List<DueItem> out = new ArrayList<>();
            var read = ObligationView.reader(rows);
            for (Row r : rows) {
                ObligationView o = read.apply(r);
                int left = o.dueOn().isAfter(date) ? calendar.countWorkdays(date.plusDays(1), o.dueOn()) : 0;
                out.add(new DueItem(o.id(), o.unitId(), o.unitName(), o.taskSeq(), o.requirement(), o.dueOn(),
                        o.status(), left, o.workdaysLate()));
            }
            return out;
        });
    }

    private Uni<Integer> insert(SqlClient conn, String region, LocalDate date, List<PlannedAlert> planned) {
        if (planned.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = planned.size();
        UUID[] ids = new UUID[n];
        String[] units = new String[n];
        String[] names = new String[n];
        String[] kinds = new String[n];
        String[] items = new String[n];
        for (int i = 0; i < n; i++) {
            PlannedAlert p = planned.get(i);
            ids[i] = p.id();
            units[i] = p.unitId();
            names[i] = p.unitName();
            kinds[i] = p.kind().name();
            items[i] = write(p.items());
        }
        return conn.preparedQuery("INSERT INTO alert (region, id, alert_date, unit_id, unit_name, kind, items)"
                        + " SELECT $1::varchar, u.id, $2::date, u.unit_id, u.unit_name, u.kind, u.items::jsonb"
                        + " FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])"
                        + " AS u(id, unit_id, unit_name, kind, items)"
                        + " ON CONFLICT (region, id) DO NOTHING")
                .execute(Tuple.tuple().addValue(region).addValue(date).addValue(ids).addValue(units).addValue(names)
                        .addValue(kinds).addValue(items))
                .map(rs -> rs.rowCount());
    }

    private String write(List<AlertItem> items) {
        try {
            return json.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
