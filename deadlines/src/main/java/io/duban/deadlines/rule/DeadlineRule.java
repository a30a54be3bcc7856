package io.duban.deadlines.rule;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.duban.deadlines.period.Period;
import java.time.LocalDate;

/**
 * What a 时限要求 cell means. This JSON shape is the contract between task-service (which parses
 * and stores it) and report-service (which turns it into dated obligations):
 * {@code {"kind":"FIXED","date":"2023-12-31"}},
 * {@code {"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":20,"unit":"WORKDAY"}}},
 * {@code {"kind":"RECURRING","frequency":"MONTHLY","interval":1}},
 * {@code {"kind":"ONGOING"}}, {@code {"kind":"ASAP"}}, {@code {"kind":"UNPARSED","text":"…","reason":"…"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = DeadlineRule.Fixed.class, name = "FIXED"),
        @JsonSubTypes.Type(value = DeadlineRule.Relative.class, name = "RELATIVE"),
        @JsonSubTypes.Type(value = DeadlineRule.Recurring.class, name = "RECURRING"),
        @JsonSubTypes.Type(value = DeadlineRule.Ongoing.class, name = "ONGOING"),
        @JsonSubTypes.Type(value = DeadlineRule.Asap.class, name = "ASAP"),
        @JsonSubTypes.Type(value = DeadlineRule.Unparsed.class, name = "UNPARSED")
})
public sealed interface DeadlineRule {

    /** A short Chinese description: "2023年12月31日前", "信息形成或变更之日起20个工作日内". */
    String describe();

    /** Due on a fixed date (inclusive: done on that day is on time). */
    record Fixed(LocalDate date) implements DeadlineRule {
        @Override
        public String describe() {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日前";
        }
    }

    /** Due a period after a trigger event (PLAN_ISSUED: after the plan's issue date). */
    record Relative(Trigger trigger, Period period) implements DeadlineRule {
        @Override
        public String describe() {
            // EVENT names no event: "5个小时内" reads as 事件发生后5小时内.
            return trigger == Trigger.EVENT
                    ? "事件发生后" + period.describe() + "内"
                    : trigger.label() + "之日起" + period.describe() + "内";
        }
    }

    /**
     * Due again and again within the plan's year. {@code interval} counts periods (2 with
     * EVERY_N_WEEKS = every two weeks); {@code dueMonth}/{@code dueDay}, when present, pin the due
     * day inside the period (每年1月31日前 → YEARLY, 1, 31); otherwise the period's last day.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recurring(Frequency frequency, int interval, Integer dueMonth, Integer dueDay) implements DeadlineRule {
        @Override
        public String describe() {
            return switch (frequency) {
                case MONTHLY -> (interval == 1 ? "按月" : "每" + interval + "个月")
                        + (dueDay != null ? "（" + dueDay + "日前）" : "");
                case QUARTERLY -> interval == 1 ? "按季度" : "每" + interval + "个季度";
                case YEARLY -> interval > 1 ? "至少每" + interval + "年一次"
                        : dueMonth != null && dueDay != null ? "每年" + dueMonth + "月" + dueDay + "日前" : "每年";
                case EVERY_N_WEEKS -> interval == 1 ? "每周" : "至少每" + interval + "周一次";
            };
        }
    }

    /** 长期坚持: no due date; judged by inspection findings. */
    record Ongoing() implements DeadlineRule {
        @Override
        public String describe() {
            return "长期坚持";
        }
    }

    /** 及时公开: no due date; judged by inspection findings. */
    record Asap() implements DeadlineRule {
        @Override
        public String describe() {
            return "及时";
        }
    }

    /** Text the parser could not read; kept verbatim and flagged for review. */
    record Unparsed(String text, String reason) implements DeadlineRule {
        @Override
        public String describe() {
            return "未能识别：" + text;
        }
    }

    /** True for rules that produce dated obligations (FIXED, RELATIVE, RECURRING). */
    @JsonIgnore
    default boolean isDated() {
        return this instanceof Fixed || this instanceof Relative || this instanceof Recurring;
    }
}
