package io.duban.report.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One obligation in an alert: {@code workdaysLeft} for a 临期 item (working days after the alert's
 * day up to the due day, 0 = due today), {@code workdaysLate} for an overdue one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AlertItem(UUID obligationId, Integer taskSeq, String requirement, LocalDate dueOn, Integer workdaysLeft,
                        Integer workdaysLate) {
}
