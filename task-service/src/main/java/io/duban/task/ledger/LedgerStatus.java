package io.duban.task.ledger;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One unit's 工作台账 of a plan: entries filled of its active assignments, when it first and last submitted,
 * whether the first submission was by the plan's ledgerDueOn (null when no due day is set or not submitted),
 * and how many entries were changed after submission.
 */
public record LedgerStatus(UUID unitId, String unitName, int assignments, int filled, LocalDate firstSubmittedOn,
        LocalDate lastSubmittedOn, Boolean submittedOnTime, int changedAfterSubmission) {
}
