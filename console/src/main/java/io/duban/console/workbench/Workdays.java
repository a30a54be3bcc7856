package io.duban.console.workbench;

import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalDate;

/** Working days left until a due day, on the bundled 工作日 calendar (the same data report-service starts from). */
public final class Workdays {

    private static final WorkdayCalendar CALENDAR = WorkdayCalendar.bundled();

    private Workdays() {
    }

    /** Working days after {@code asOf} up to and including {@code dueOn}; 0 when due today, null when past or undated. */
    public static Integer left(LocalDate asOf, LocalDate dueOn) {
        if (dueOn == null || dueOn.isBefore(asOf)) {
            return null;
        }
        if (dueOn.equals(asOf)) {
            return 0;
        }
        return CALENDAR.countWorkdays(asOf.plusDays(1), dueOn);
    }

    /** Working days after {@code dueOn} up to and including {@code asOf}; null when not past or undated. */
    public static Integer late(LocalDate asOf, LocalDate dueOn) {
        if (dueOn == null || !dueOn.isBefore(asOf)) {
            return null;
        }
        return CALENDAR.countWorkdays(dueOn.plusDays(1), asOf);
    }
}
