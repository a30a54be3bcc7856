package io.duban.deadlines.period;

import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.TreeSet;

/**
 * 《民法典》第二百零一条至第二百零四条 period arithmetic on a {@link WorkdayCalendar}.
 *
 * <ul>
 *   <li>The start day is not counted (第二百零一条).</li>
 *   <li>N WORKDAY: the N-th working day after the start day.</li>
 *   <li>N DAY: start + N; N MONTH / N YEAR: the same day number N months/years later, or that
 *       month's last day when it has no such day (第二百零二条).</li>
 *   <li>When that last day is a statutory holiday the period ends on the first day after the
 *       holiday (第二百零三条). "Statutory holiday" here means a day off of a named holiday in the
 *       published schedule (including the weekend days the notice folds into it), not an ordinary
 *       weekend: the DESIGN golden case 2023-09-26 + 3 日 = 2023-10-07 extends over 国庆/中秋, and a
 *       period ending on an ordinary Saturday stays there. The first day after the holiday may itself
 *       be a 调休 make-up day (10-07) or an ordinary weekend day.</li>
 *   <li>N HOUR: from the event instant itself, to the hour.</li>
 * </ul>
 * Results are provisional when a day they depend on lies in a year without a published schedule.
 */
public final class PeriodArithmetic {

    private final WorkdayCalendar calendar;

    public PeriodArithmetic(WorkdayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The last day of a period starting on {@code start} (start day not counted). HOUR: start of day + hours. */
    public DueDate dueDate(LocalDate start, Period period) {
        return switch (period.unit()) {
            case WORKDAY -> calendar.addWorkdays(start, period.amount());
            case DAY -> afterHoliday(start.plusDays(period.amount()));
            case MONTH -> afterHoliday(start.plusMonths(period.amount()));
            case YEAR -> afterHoliday(start.plusYears(period.amount()));
            case HOUR -> DueDate.exact(start.atStartOfDay().plusHours(period.amount()).toLocalDate());
        };
    }

    /**
     * The instant a period starting at {@code start} ends; HOUR counts from the instant itself. Other
     * units end at the end (24:00, as {@link LocalTime#MAX}) of their last day (第二百零三条): an act at
     * or before the returned instant is on time.
     */
    public LocalDateTime dueAt(LocalDateTime start, Period period) {
        if (period.unit() == PeriodUnit.HOUR) {
            return start.plusHours(period.amount());
        }
        return dueDate(start.toLocalDate(), period).date().atTime(LocalTime.MAX);
    }

    private DueDate afterHoliday(LocalDate last) {
        LocalDate end = last;
        // A holiday run is at most a few weeks (春节 2020 was extended to 10 days); the bound only
        // guards against malformed data.
        for (int i = 0; i < 366 && calendar.isStatutoryHoliday(end); i++) {
            end = end.plusDays(1);
        }
        // Counting calendar days needs no schedule; only the holiday check from the last day on does.
        Set<Integer> missing = new TreeSet<>(calendar.coverage(last, end).uncoveredYears());
        return missing.isEmpty() ? DueDate.exact(end) : new DueDate(end, true, missing);
    }
}
