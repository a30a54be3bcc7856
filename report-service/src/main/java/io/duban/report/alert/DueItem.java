package io.duban.report.alert;

import java.time.LocalDate;
import java.util.UUID;

/** An open obligation as judged on the alert's day (status DUE_SOON or OVERDUE), the planner's input. */
public record DueItem(UUID obligationId, String unitId, String unitName, Integer taskSeq, String requirement,
                      LocalDate dueOn, String status, int workdaysLeft, int workdaysLate) {

    AlertItem toItem() {
        boolean overdue = "OVERDUE".equals(status);
        return new AlertItem(obligationId, taskSeq, requirement, dueOn, overdue ? null : workdaysLeft,
                overdue ? workdaysLate : null);
    }
}
