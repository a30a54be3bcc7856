package io.duban.deadlines.period;

import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** 《民法典》第二百零一条至第二百零四条 period arithmetic on a {@link WorkdayCalendar}. */
public final class PeriodArithmetic {

    private final WorkdayCalendar calendar;

    public PeriodArithmetic(WorkdayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The last day of a period starting on {@code start} (start day not counted). HOUR: start of day + hours. */
    public DueDate dueDate(LocalDate start, Period period) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The instant a period starting at {@code start} ends; HOUR counts from the instant itself. */
    public LocalDateTime dueAt(LocalDateTime start, Period period) {
        throw new UnsupportedOperationException("skeleton");
    }
}
