package io.duban.report.query;

import io.duban.common.sql.Columns;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * One obligation as judged on a day: {@code rule} is the Chinese description of its 时限,
 * {@code workdaysLate} counts working days after the due day (0 unless late or overdue),
 * {@code provisional} says the due date relied on a year with no published schedule. {@code dueOn} is the
 * date in force: {@code originalDueOn} is the derived one, different when an extension was granted.
 * {@code light} is its 红黄蓝灯 (null: none).
 */
public record ObligationView(UUID id, UUID assignmentId, UUID taskId, Integer taskSeq, String requirement,
                             String unitId, String unitName, String role, String rule, LocalDate dueOn, String status,
                             int workdaysLate, boolean provisional, LocalDate completedOn, UUID planId,
                             LocalDate originalDueOn, String light) {

    public ObligationView(UUID id, UUID assignmentId, UUID taskId, Integer taskSeq, String requirement, String unitId,
                          String unitName, String role, String rule, LocalDate dueOn, String status, int workdaysLate,
                          boolean provisional, LocalDate completedOn, UUID planId) {
        this(id, assignmentId, taskId, taskSeq, requirement, unitId, unitName, role, rule, dueOn, status, workdaysLate,
                provisional, completedOn, planId, dueOn, null);
    }

    /** Whether a granted extension moved it. */
    public boolean extended() {
        return originalDueOn != null && !originalDueOn.equals(dueOn);
    }

    /** The columns of a judged obligation row, in the order of {@link #reader}'s positions. */
    private static final String[] COLUMNS = {"id", "assignment_id", "task_id", "task_seq", "requirement", "unit_id", "unit_name",
            "role", "rule_text", "due_on", "status", "workdays_late", "provisional", "completed_on", "plan_id", "original_due_on",
            "light"};

    /**
     * Reads the rows of one result ({@link #COLUMNS}), each column's position looked up once for the result
     * instead of by name for every row and column (a list page of 50 did 850 name lookups).
     */
    public static Function<Row, ObligationView> reader(RowSet<Row> rows) {
        int[] at = Columns.positions(rows, COLUMNS);
        return r -> new ObligationView(r.getUUID(at[0]), r.getUUID(at[1]), r.getUUID(at[2]), r.getInteger(at[3]),
                r.getString(at[4]), r.getString(at[5]), r.getString(at[6]), r.getString(at[7]), r.getString(at[8]),
                r.getLocalDate(at[9]), r.getString(at[10]), r.getInteger(at[11]), r.getBoolean(at[12]), r.getLocalDate(at[13]),
                r.getUUID(at[14]), r.getLocalDate(at[15]), r.getString(at[16]));
    }
}
