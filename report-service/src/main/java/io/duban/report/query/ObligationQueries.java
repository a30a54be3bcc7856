package io.duban.report.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.duban.common.web.KeysetCursor;
import io.duban.common.web.ListRequest;
import io.duban.common.web.Page;
import io.duban.report.calendar.CalendarService;
import io.duban.common.sql.Columns;
import io.duban.common.sql.Sql;
import io.duban.report.obligation.ObligationConfig;
import io.duban.report.obligation.ObligationLight;
import io.duban.report.obligation.ObligationStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Judges obligations in SQL: status and working days late are computed by the database from
 * {@code due_on}, {@code completed_on}, the day asked about and {@code calendar_day}, so counts
 * over millions of rows never load them into Java.
 */
@ApplicationScoped
public class ObligationQueries {

    /**
     * The lists' stable order: by due date, then the task's 序号 (none last), unit name, id — the columns of the
     * obligation_list index. It also lists overdue rows worst first: for them working days late only falls as the
     * due date rises.
     */
    public static final String BY_DUE = "x.due_on, x.sort_seq, x.sort_name, x.id";
    /** The types of {@link #BY_DUE}'s key, as a keyset cursor carries it. */
    public static final Class<?>[] SORT_KEY = {LocalDate.class, Integer.class, String.class, UUID.class};

    @Inject
    Pool pool;

    @Inject
    CalendarService calendars;

    @Inject
    ObligationConfig config;

    /** The judged rows of {@code f} with their task's seq and requirement, as a subquery {@code x}. */
    public Sql judged(ObligationFilter f) {
        return judged(f, true);
    }

    /**
     * The judged rows of {@code f} as a subquery {@code x}, with its WHERE on status applied;
     * aggregates leave out the task columns ({@code details} false) and skip that join.
     */
    public Sql judged(ObligationFilter f, boolean details) {
        return judged(f, details, null);
    }

    /** The same, starting right after the {@link #BY_DUE} key {@code after} when not null (a seek in obligation_list). */
    private Sql judged(ObligationFilter f, boolean details, Object[] after) {
        LocalDate soon = ObligationStatus.dueSoonLimit(calendars.calendar(), f.asOf(), config.dueSoonWorkdays());
        Sql sql = new Sql();
        String asOf = sql.bind(f.asOf());
        String soonLimit = sql.bind(soon);
        String status = ObligationStatus.SQL.replace(":asOf", asOf).replace(":soonLimit", soonLimit);
        String light = ObligationLight.SQL.replace(":asOf", asOf).replace(":soonLimit", soonLimit)
                .replace(":share", sql.bind(config.yellowShare()) + "::numeric");
        sql.append("SELECT * FROM (SELECT o.id, o.assignment_id, o.task_id, "
                + (details ? "t.seq AS task_seq, t.requirement, " : "")
                + "o.unit_id, o.unit_name, o.role, o.rule_text, o.due_on, o.provisional, o.completed_on, o.plan_id, "
                + "o.task_seq AS sort_seq, coalesce(o.unit_name, '') AS sort_name, "
                + status + " AS status, " + light + " AS light, coalesce(o.original_due_on, o.due_on) AS original_due_on,"
                + " GREATEST(0, coalesce(ce.workday_seq - cd.workday_seq, 0)) AS workdays_late"
                + " FROM obligation o"
                + (details ? " LEFT JOIN task t ON t.region = o.region AND t.id = o.task_id" : "")
                // for the light's window; joins to a unique key the planner drops when the light is not asked for
                + " LEFT JOIN assignment la ON la.region = o.region AND la.id = o.assignment_id"
                + " LEFT JOIN plan lp ON lp.region = o.region AND lp.id = o.plan_id"
                + " LEFT JOIN calendar_day cd ON cd.day = o.due_on"
                + " LEFT JOIN calendar_day ce ON ce.day = CASE WHEN o.completed_on IS NOT NULL AND o.completed_on <= "
                + asOf + " THEN o.completed_on ELSE " + asOf + " END");
        sql.append(" WHERE o.region = ", f.region(), "");
        if (f.unitId() != null) {
            sql.append(" AND o.unit_id = ", f.unitId(), "");
        }
        if (f.planId() != null) {
            sql.append(" AND o.plan_id = ", f.planId(), "");
        }
        if (f.excludedPlanKinds() != null && !f.excludedPlanKinds().isEmpty()) {
            sql.append(" AND coalesce(lp.kind, '') <> ALL(", f.excludedPlanKinds().toArray(String[]::new), ")");
        }
        if (f.dueFrom() != null) {
            sql.append(" AND o.due_on >= ", f.dueFrom(), "");
        }
        if (f.dueTo() != null) {
            sql.append(" AND o.due_on <= ", f.dueTo(), "");
        }
        if (after != null) {
            sql.append(" AND (o.due_on, o.task_seq, coalesce(o.unit_name, ''), o.id) > (" + sql.bind(after[0]) + ", "
                    + sql.bind(after[1]) + ", " + sql.bind(after[2]) + ", " + sql.bind(after[3]) + ")");
        }
        if (onlyOverdue(f)) {
            // ObligationStatus.SQL's OVERDUE on the columns themselves: the planner estimates these, while a CASE
            // compared with 'OVERDUE' looks rare to it, so it judged and sorted the whole region instead of reading
            // obligation_list in order up to the page's end (bench/RESULTS.md, issue 17)
            sql.append(" AND o.due_on < " + asOf + " AND (o.completed_on IS NULL OR o.completed_on > " + asOf + ")"
                    + " AND (o.pending_review_on IS NULL OR o.pending_review_on > " + asOf + ")");
        }
        sql.append(") x");
        if (hasStatusFilter(f)) {
            sql.append(" WHERE x.status = ANY(", f.statuses().toArray(String[]::new), ")");
        }
        if (f.lights() != null && !f.lights().isEmpty()) {
            sql.append(hasStatusFilter(f) ? " AND" : " WHERE");
            sql.append(" x.light = ANY(", f.lights().toArray(String[]::new), ")");
        }
        return sql;
    }

    private static boolean onlyOverdue(ObligationFilter f) {
        return List.of(ObligationStatus.OVERDUE.name()).equals(f.statuses());
    }

    /** Whether {@link #judged} ends in a WHERE on the judged status (not for overdue alone: that is on the columns). */
    private static boolean hasStatusFilter(ObligationFilter f) {
        return f.statuses() != null && !f.statuses().isEmpty() && !onlyOverdue(f);
    }

    public Uni<List<ObligationView>> list(ObligationFilter f, String order, int limit, long offset) {
        Sql sql = judged(f);
        sql.append(" ORDER BY " + order);
        sql.append(" LIMIT ", limit, "");
        sql.append(" OFFSET ", offset, "");
        return pool.preparedQuery(sql.text()).execute(sql.tuple()).map(rows -> {
            List<ObligationView> out = new ArrayList<>(rows.size());
            var read = ObligationView.reader(rows);
            for (Row r : rows) {
                out.add(read.apply(r));
            }
            return out;
        });
    }

    /**
     * Every judged row of {@code f} (no paging), restricted to {@code planIds} when not empty: for
     * documents that list a county's quarter or year in full (~10⁴ rows at most).
     */
    public Uni<List<ObligationView>> all(ObligationFilter f, List<java.util.UUID> planIds, String order) {
        Sql sql = judged(f);
        if (planIds != null && !planIds.isEmpty()) {
            sql.append(hasStatusFilter(f) || f.lights() != null && !f.lights().isEmpty() ? " AND" : " WHERE");
            sql.append(" x.plan_id = ANY(", planIds.toArray(java.util.UUID[]::new), ")");
        }
        sql.append(" ORDER BY " + order);
        return pool.preparedQuery(sql.text()).execute(sql.tuple()).map(rows -> {
            List<ObligationView> out = new ArrayList<>(rows.size());
            var read = ObligationView.reader(rows);
            for (Row r : rows) {
                out.add(read.apply(r));
            }
            return out;
        });
    }

    public Uni<Long> count(ObligationFilter f) {
        Sql inner = judged(f, false);
        return pool.preparedQuery("SELECT count(*) AS n FROM (" + inner.text() + ") c").execute(inner.tuple())
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /**
     * A page of {@code f} in {@link #BY_DUE} order: numbered (OFFSET) or right after a cursor of the list {@code scope}
     * (an index seek); the total counted only when {@code request} asks for it, the next page's cursor always.
     */
    public Uni<ObligationPage> page(ObligationFilter f, String scope, ListRequest request) {
        Sql sql = judged(f, true, request.after());
        sql.append(" ORDER BY " + BY_DUE);
        sql.append(" LIMIT ", request.size() + 1, "");
        if (!request.keyset()) {
            sql.append(" OFFSET ", request.page().offset(), "");
        }
        Uni<List<KeysetCursor.Keyed<ObligationView>>> rows = pool.preparedQuery(sql.text()).execute(sql.tuple()).map(set -> {
            List<KeysetCursor.Keyed<ObligationView>> out = new ArrayList<>(set.size());
            var read = ObligationView.reader(set);
            int[] sort = Columns.positions(set, "sort_seq", "sort_name");
            for (Row r : set) {
                ObligationView o = read.apply(r);
                out.add(new KeysetCursor.Keyed<>(o, new Object[] {o.dueOn(), r.getInteger(sort[0]), r.getString(sort[1]), o.id()}));
            }
            return out;
        });
        Uni<Long> total = request.withTotal() ? count(f) : Uni.createFrom().nullItem();
        return Uni.combine().all().unis(rows, total).asTuple().map(t -> {
            java.util.function.Function<KeysetCursor.Keyed<ObligationView>, String> cursor = k -> KeysetCursor.encode(scope, k.key());
            Page<ObligationView> p = (request.keyset() ? Page.keyset(t.getItem1(), request.size(), t.getItem2(), cursor)
                    : Page.numbered(t.getItem1(), t.getItem2(), request.page(), cursor)).map(KeysetCursor.Keyed::item);
            return new ObligationPage(p.items(), p.total(), p.page(), p.size(), p.next());
        });
    }

    /**
     * A page of judged obligations: the total across pages when asked for (always with page numbers unless
     * total=false), {@code next} the cursor of the following page (absent on the last).
     */
    public record ObligationPage(List<ObligationView> items,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
                                 int size,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }
}
