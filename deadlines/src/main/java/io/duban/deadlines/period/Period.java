package io.duban.deadlines.period;

/** A legal period such as 20 个工作日 or 3 日. JSON: {@code {"amount":20,"unit":"WORKDAY"}}. */
public record Period(int amount, PeriodUnit unit) {

    public Period {
        if (amount < 0) {
            throw new IllegalArgumentException("period amount must not be negative: " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("period unit is required");
        }
    }

    public static Period workdays(int n) {
        return new Period(n, PeriodUnit.WORKDAY);
    }

    public static Period days(int n) {
        return new Period(n, PeriodUnit.DAY);
    }

    /** 20个工作日 */
    public String describe() {
        return amount + unit.label();
    }
}
