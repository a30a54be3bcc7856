package io.duban.report.query;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.UUID;

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

    public static ObligationView from(Row r) {
        return new ObligationView(r.getUUID("id"), r.getUUID("assignment_id"), r.getUUID("task_id"), r.getInteger("task_seq"),
                r.getString("requirement"), r.getString("unit_id"), r.getString("unit_name"), r.getString("role"),
                r.getString("rule_text"), r.getLocalDate("due_on"), r.getString("status"), r.getInteger("workdays_late"),
                r.getBoolean("provisional"), r.getLocalDate("completed_on"), r.getUUID("plan_id"),
                r.getLocalDate("original_due_on"), r.getString("light"));
    }
}
