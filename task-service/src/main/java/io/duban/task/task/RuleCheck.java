package io.duban.task.task;

import io.duban.common.problem.ProblemException;
import io.duban.deadlines.rule.DeadlineRule;

/**
 * An explicit rule from the supervisor must be complete: JSON can say {@code {"kind":"FIXED"}}
 * without a date, which would break every later computation on the task.
 */
final class RuleCheck {

    private RuleCheck() {
    }

    static DeadlineRule complete(DeadlineRule rule) {
        String problem = null;
        if (rule instanceof DeadlineRule.Fixed f) {
            if (f.date() == null) {
                problem = "FIXED 需要 date";
            } else if (f.date().getYear() < 2000 || f.date().getYear() > 2100) {
                problem = "date 不在 2000–2100 年之间";
            }
        } else if (rule instanceof DeadlineRule.Relative r) {
            if (r.trigger() == null || r.period() == null) {
                problem = "RELATIVE 需要 trigger 和 period";
            } else if (r.period().amount() < 1 || r.period().amount() > 3650) {
                problem = "period.amount 应在 1 到 3650 之间";
            }
        } else if (rule instanceof DeadlineRule.Recurring r) {
            if (r.frequency() == null || r.interval() < 1 || r.interval() > 52) {
                problem = "RECURRING 需要 frequency 和 1–52 的 interval";
            } else if ((r.dueMonth() != null && (r.dueMonth() < 1 || r.dueMonth() > 12))
                    || (r.dueDay() != null && (r.dueDay() < 1 || r.dueDay() > 31))) {
                problem = "dueMonth/dueDay 超出范围";
            }
        } else if (rule instanceof DeadlineRule.Unparsed) {
            problem = "不能指定 UNPARSED 规则";
        }
        if (problem != null) {
            throw ProblemException.invalidField("deadline", "时限规则不完整：" + problem);
        }
        return rule;
    }
}
