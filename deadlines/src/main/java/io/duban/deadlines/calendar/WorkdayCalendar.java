package io.duban.deadlines.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The China 工作日 calendar: Monday–Friday minus statutory holidays plus 调休 make-up days, from
 * the published schedules it holds. Immutable and thread-safe.
 */
public final class WorkdayCalendar {

    private WorkdayCalendar() {
    }

    /** The bundled schedules, 2007–2026. */
    public static WorkdayCalendar bundled() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** A calendar of exactly these years. */
    public static WorkdayCalendar of(Collection<YearSchedule> years) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** This calendar with the given years added or replaced (e.g. an uploaded 2027 notice). */
    public WorkdayCalendar withYears(Collection<YearSchedule> years) {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean isWorkday(LocalDate date) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The statutory holiday a day off belongs to (国庆节…), if any. */
    public Optional<String> holidayName(LocalDate date) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** True for a Saturday or Sunday that is a working day (调休). */
    public boolean isMakeupWorkday(LocalDate date) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The n-th working day after {@code start} (start not counted); negative n counts backwards. */
    public DueDate addWorkdays(LocalDate start, int n) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Working days between the two dates, both inclusive, in either order. */
    public int countWorkdays(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkday(LocalDate date) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The last working day strictly before {@code date}. */
    public LocalDate previousWorkday(LocalDate date) {
        throw new UnsupportedOperationException("skeleton");
    }

    public CalendarCoverage coverage(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("skeleton");
    }

    public SortedSet<Integer> coveredYears() {
        throw new UnsupportedOperationException("skeleton");
    }

    public Optional<YearSchedule> schedule(int year) {
        throw new UnsupportedOperationException("skeleton");
    }
}
