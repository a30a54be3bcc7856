package io.duban.report.life;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Judges the projected facts of the assignment's life. The 签收 window ends on the Nth working day after the
 * assignment's creation day (N: the region's ackWorkingDays, default 3), counted on {@code calendar_day}.
 */
@ApplicationScoped
public class AssignmentLifeQueries {

    public static final int DEFAULT_ACK_WORKING_DAYS = 3;

    @Inject
    Pool pool;

    /** Assignments with their 签收 due day, of a region (optionally one unit, one plan). */
    private static String withAckDue(String extra) {
        return "SELECT a.id, a.plan_id, a.task_id, t.seq, a.unit_id, a.unit_name, a.role, a.created_on, a.acknowledged_on, d.day AS due_on"
                + " FROM assignment a"
                + " LEFT JOIN task t ON t.region = a.region AND t.id = a.task_id"
                + " JOIN calendar_day cc ON cc.day = a.created_on"
                + " JOIN LATERAL (SELECT cd.day FROM calendar_day cd WHERE cd.workday AND cd.workday_seq = cc.workday_seq"
                + " + coalesce((SELECT s.ack_working_days FROM region_settings s WHERE s.region = a.region LIMIT 1), "
                + DEFAULT_ACK_WORKING_DAYS + ") ORDER BY cd.day LIMIT 1) d ON true"
                + " WHERE a.region = $1 AND a.active AND a.created_on <= $2" + extra;
    }

    /**
     * The alert digest's rows ($1 region, $2 the day): assignments still not signed for past the window
     * ("签收：" + the task's requirement) and 工作台账 not submitted by the plan's due day, per unit.
     */
    public static final String LATE_FOR_ALERTS = "SELECT x.id, x.unit_id, x.unit_name, x.seq, '签收：' || coalesce(t.requirement, '') AS what,"
            + " x.due_on FROM (" + withAckDue("") + ") x LEFT JOIN task t ON t.region = $1 AND t.id = x.task_id"
            + " WHERE x.due_on < $2 AND (x.acknowledged_on IS NULL OR x.acknowledged_on > $2)"
            + " UNION ALL SELECT p.id, u.unit_id, u.unit_name, NULL::int, '报送工作台账：' || coalesce(p.title, '') AS what,"
            + " p.ledger_due_on AS due_on FROM plan p JOIN (SELECT a.plan_id, a.unit_id, min(a.unit_name) AS unit_name FROM assignment a"
            + " WHERE a.region = $1 AND a.active GROUP BY a.plan_id, a.unit_id) u ON u.plan_id = p.id"
            + " WHERE p.region = $1 AND p.ledger_due_on < $2 AND NOT EXISTS (SELECT 1 FROM ledger_submission s"
            + " WHERE s.region = p.region AND s.plan_id = p.id AND s.unit_id = u.unit_id AND s.submitted_on <= $2)";

    /** 签收 not done by the window's last day, as of {@code asOf}: still pending, or signed late (oldest due first). */
    public Uni<List<LateAcknowledgement>> overdue(String region, LocalDate asOf, String unitId, UUID planId) {
        Tuple args = Tuple.of(region, asOf);
        StringBuilder extra = new StringBuilder();
        if (unitId != null) {
            args.addString(unitId);
            extra.append(" AND a.unit_id = $").append(args.size());
        }
        if (planId != null) {
            args.addUUID(planId);
            extra.append(" AND a.plan_id = $").append(args.size());
        }
        String sql = "SELECT * FROM (" + withAckDue(extra.toString()) + ") x WHERE x.due_on < $2"
                + " AND (x.acknowledged_on IS NULL OR x.acknowledged_on > x.due_on)"
                + " ORDER BY x.due_on, x.seq NULLS LAST, x.unit_name, x.id LIMIT 5000";
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            List<LateAcknowledgement> out = new ArrayList<>();
            for (Row r : rows) {
                LocalDate ack = r.getLocalDate("acknowledged_on");
                boolean pending = ack == null || ack.isAfter(asOf);
                out.add(new LateAcknowledgement(r.getUUID("id"), r.getUUID("plan_id"), r.getUUID("task_id"), r.getInteger("seq"),
                        r.getString("unit_id"), r.getString("unit_name"), r.getString("role"), r.getLocalDate("created_on"),
                        r.getLocalDate("due_on"), pending ? null : ack, pending ? "PENDING" : "LATE"));
            }
            return out;
        });
    }

    /** The dashboard's counts (optionally of one plan, one unit). */
    public Uni<AssignmentLife> counts(String region, LocalDate asOf, UUID planId, String unitId) {
        Tuple args = Tuple.of(region, asOf);
        String plan = "";
        String unit = "";
        if (planId != null) {
            args.addUUID(planId);
            plan = " AND %s.plan_id = $" + args.size();
        }
        if (unitId != null) {
            args.addString(unitId);
            unit = " AND %s.unit_id = $" + args.size();
        }
        String a = plan.formatted("a") + unit.formatted("a");
        String sql = "SELECT"
                + " (SELECT count(*) FROM assignment a WHERE a.region = $1 AND a.active AND a.created_on <= $2"
                + " AND (a.acknowledged_on IS NULL OR a.acknowledged_on > $2)" + a + ") AS pending_ack,"
                + " (SELECT count(*) FROM (" + withAckDue(a) + ") x WHERE x.due_on < $2"
                + " AND (x.acknowledged_on IS NULL OR x.acknowledged_on > $2)) AS late_ack,"
                + " (SELECT count(*) FROM dispute d JOIN assignment a ON a.region = d.region AND a.id = d.assignment_id"
                + " WHERE d.region = $1 AND d.status = 'OPEN'" + a + ") AS open_disputes,"
                + " (SELECT count(*) FROM assignment a WHERE a.region = $1 AND a.active AND a.status = 'PENDING_REVIEW'" + a + ") AS pending_reviews,"
                + " (SELECT count(*) FROM (SELECT DISTINCT a.plan_id, a.unit_id FROM assignment a JOIN plan p ON p.region = a.region"
                + " AND p.id = a.plan_id WHERE a.region = $1 AND a.active AND p.ledger_due_on < $2" + a
                + " AND NOT EXISTS (SELECT 1 FROM ledger_submission s WHERE s.region = a.region AND s.plan_id = a.plan_id"
                + " AND s.unit_id = a.unit_id AND s.submitted_on <= p.ledger_due_on)) u) AS ledgers_late";
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            Row r = rows.iterator().next();
            return new AssignmentLife(r.getLong("pending_ack"), r.getLong("late_ack"), r.getLong("open_disputes"),
                    r.getLong("pending_reviews"), r.getLong("ledgers_late"));
        });
    }
}
