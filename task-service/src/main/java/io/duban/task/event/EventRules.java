package io.duban.task.event;

import io.duban.common.problem.FieldError;
import java.util.Optional;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.Trigger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Which trigger events a task accepts: only the trigger its RELATIVE rule names. PLAN_ISSUED is
 * never recorded by hand (the plan's issue date is that event), and EVENT is accepted only when
 * the rule itself says EVENT — an event a rule does not wait for would open no obligation.
 */
public final class EventRules {

    private EventRules() {
    }

    /** What is wrong with the event's dates, field by field; empty when it may be recorded. */
    public static List<FieldError> check(EventRequest e, LocalDate today, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        if (e.occurredOn().isAfter(today)) {
            errors.add(new FieldError("occurredOn", "发生日期不能晚于今天（" + today + "）"));
        }
        if (e.occurredOn().getYear() < 2000) {
            errors.add(new FieldError("occurredOn", "发生日期不正确"));
        }
        if (e.occurredAt() != null && !e.occurredAt().atZoneSameInstant(zone).toLocalDate().equals(e.occurredOn())) {
            errors.add(new FieldError("occurredAt", "发生时间应在发生日期当天（北京时间）"));
        }
        return errors;
    }

    /** Why the task's rule does not take this trigger (a 422 for the caller), or empty when it waits for it. */
    public static Optional<String> refusal(DeadlineRule rule, Trigger trigger) {
        if (trigger == Trigger.PLAN_ISSUED) {
            return Optional.of("“本方案发布”由工作方案的印发日期确定，无需登记触发事件。");
        }
        if (!(rule instanceof DeadlineRule.Relative relative) || relative.trigger() != trigger) {
            return Optional.of("该任务的时限要求（" + rule.describe() + "）不以“" + trigger.label() + "”为起算事件。");
        }
        return Optional.empty();
    }
}
