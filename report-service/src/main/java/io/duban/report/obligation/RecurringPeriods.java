package io.duban.report.obligation;

import io.duban.deadlines.rule.DeadlineRule.Recurring;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a RECURRING 时限 inside a plan's year: 按月 → each month, due its last day;
 * 按季度 → each quarter; 每年M月D日前 → once; 至少每N周 → every N weeks counted from the plan's
 * issue date. Only periods falling due after the plan was issued count: a plan issued in August
 * cannot be late for January.
 */
public final class RecurringPeriods {

    /** One period [start, end] and the day it falls due. */
    public record Span(LocalDate start, LocalDate end, LocalDate due) {
    }

    private RecurringPeriods() {
    }

    public static List<Span> within(Recurring rule, int year, LocalDate issuedOn) {
        int interval = Math.max(1, rule.interval());
        List<Span> spans = switch (rule.frequency()) {
            case MONTHLY -> months(year, interval, rule.dueDay());
            case QUARTERLY -> months(year, 3 * interval, rule.dueDay());
            case YEARLY -> List.of(yearly(rule, year));
            case EVERY_N_WEEKS -> weeks(year, interval, issuedOn);
        };
        if (issuedOn == null) {
            return spans;
        }
        return spans.stream().filter(s -> s.due().isAfter(issuedOn)).toList();
    }

    private static List<Span> months(int year, int step, Integer dueDay) {
        List<Span> spans = new ArrayList<>();
        for (int m = 1; m <= 12; m += step) {
            YearMonth first = YearMonth.of(year, m);
            YearMonth last = YearMonth.of(year, Math.min(12, m + step - 1));
            LocalDate end = last.atEndOfMonth();
            LocalDate due = dueDay == null ? end : last.atDay(Math.min(dueDay, last.lengthOfMonth()));
            spans.add(new Span(first.atDay(1), end, due));
        }
        return spans;
    }

    private static Span yearly(Recurring rule, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate due = end;
        if (rule.dueMonth() != null && rule.dueDay() != null) {
            YearMonth ym = YearMonth.of(year, rule.dueMonth());
            due = ym.atDay(Math.min(rule.dueDay(), ym.lengthOfMonth()));
        }
        return new Span(LocalDate.of(year, 1, 1), end, due);
    }

    private static List<Span> weeks(int year, int n, LocalDate issuedOn) {
        LocalDate start = issuedOn != null && issuedOn.getYear() == year ? issuedOn : LocalDate.of(year, 1, 1);
        List<Span> spans = new ArrayList<>();
        while (true) {
            LocalDate end = start.plusWeeks(n).minusDays(1);
            if (end.getYear() > year) {
                return spans;
            }
            spans.add(new Span(start, end, end));
            start = end.plusDays(1);
        }
    }
}
