package io.duban.task.ledger;

import io.duban.deadlines.rule.DeadlineRule;
import java.time.LocalDate;
import java.util.Optional;

/** What a 工作台账 entry must respect: its 计划完成时间 is not after the task's due day, when the task has one. */
public final class LedgerRules {

    private LedgerRules() {
    }

    /** The task's due day: a fixed 时限 (截至 2023年12月底) has one; relative, recurring and ongoing ones do not. */
    public static Optional<LocalDate> dueOn(DeadlineRule rule) {
        return rule instanceof DeadlineRule.Fixed f ? Optional.ofNullable(f.date()) : Optional.empty();
    }

    /** The due day a planned day falls after, if it does: a unit may not plan to finish later than the task is due. */
    public static Optional<LocalDate> plannedAfterDue(LocalDate plannedOn, DeadlineRule rule) {
        return dueOn(rule).filter(plannedOn::isAfter);
    }
}
