package io.duban.deadlines.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The O(1) index agrees with a day-by-day java.time reference over 2007–2026 (and a little beyond). */
class WorkdayCalendarPropertiesTest {

    private static final WorkdayCalendar FAST = WorkdayCalendar.bundled();
    private static final NaiveCalendar NAIVE = new NaiveCalendar(WorkdayCalendar.bundledSchedules());
    private static final long FIRST = LocalDate.of(2007, 1, 1).toEpochDay();
    private static final long LAST = LocalDate.of(2026, 12, 31).toEpochDay();

    @Provide
    Arbitrary<LocalDate> dates() {
        // A few weeks either side of the covered range exercise the weekends-only fallback too.
        return Arbitraries.longs().between(FIRST - 60, LAST + 60).map(LocalDate::ofEpochDay);
    }

    @Property(tries = 400)
    void addWorkdaysMatchesTheNaiveLoop(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = -800, max = 800) int n) {
        assertEquals(NAIVE.addWorkdays(start, n), FAST.addWorkdays(start, n).date());
    }

    @Property(tries = 400)
    void countWorkdaysMatchesTheNaiveLoop(@ForAll("dates") LocalDate from, @ForAll @IntRange(min = -1200, max = 1200) int span) {
        LocalDate to = from.plusDays(span);
        assertEquals(NAIVE.countWorkdays(from, to), FAST.countWorkdays(from, to));
    }

    @Property(tries = 300)
    void isWorkdayNextAndPreviousMatchTheNaiveLoop(@ForAll("dates") LocalDate day) {
        assertEquals(NAIVE.isWorkday(day), FAST.isWorkday(day));
        assertEquals(NAIVE.addWorkdays(day, 1), FAST.nextWorkday(day));
        assertEquals(NAIVE.addWorkdays(day, -1), FAST.previousWorkday(day));
    }

    @Property(tries = 500)
    void countingBackWhatWasAddedGivesN(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 2000) int n) {
        LocalDate end = FAST.addWorkdays(start, n).date();
        assertEquals(n, FAST.countWorkdays(start.plusDays(1), end));
    }

    @Property(tries = 500)
    void negativeNIsTheInverseOfPositiveN(@ForAll("dates") LocalDate start, @ForAll @IntRange(min = 1, max = 2000) int n) {
        LocalDate end = FAST.addWorkdays(start, n).date();
        // Going back n from the n-th working day lands on the last working day at or before start.
        LocalDate back = FAST.addWorkdays(end, -n).date();
        LocalDate expected = FAST.isWorkday(start) ? start : FAST.previousWorkday(start);
        assertEquals(expected, back);
        assertEquals(n, FAST.countWorkdays(back.plusDays(1), end));
    }

    @Property(tries = 200)
    void farOutsideTheDataTheWeekendsOnlyRuleStillAgrees(
            @ForAll @IntRange(min = -200_000, max = 200_000) int offset, @ForAll @IntRange(min = -3000, max = 3000) int n) {
        LocalDate start = LocalDate.of(2000, 1, 1).plusDays(offset);
        assertEquals(NAIVE.addWorkdays(start, n), FAST.addWorkdays(start, n).date());
    }
}
