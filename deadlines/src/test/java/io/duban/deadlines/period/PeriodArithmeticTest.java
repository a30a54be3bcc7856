package io.duban.deadlines.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodArithmeticTest {

    private final PeriodArithmetic arithmetic = new PeriodArithmetic(WorkdayCalendar.bundled());

    @ParameterizedTest(name = "{0} + {1} {2} = {3}")
    @CsvSource({
            // DESIGN golden cases
            "2023-08-09, 20, WORKDAY, 2023-09-06",
            "2023-09-25, 10, WORKDAY, 2023-10-13",
            "2023-09-27, 3, WORKDAY, 2023-10-08",
            "2023-09-26, 3, DAY, 2023-10-07",
            "2026-02-13, 1, WORKDAY, 2026-02-14",
            "2026-02-14, 1, WORKDAY, 2026-02-24",
            // calendar days: start not counted; an ordinary weekend does not extend
            "2023-10-09, 3, DAY, 2023-10-12",
            "2023-10-11, 3, DAY, 2023-10-14",
            "2023-10-09, 0, DAY, 2023-10-09",
            // ends inside 元旦 2023 (2022-12-31 – 2023-01-02) → 2023-01-03
            "2022-12-28, 3, DAY, 2023-01-03",
            // ends on 清明 2023-04-05 (a single Wednesday) → 04-06
            "2023-04-02, 3, DAY, 2023-04-06",
            // months: same day number, month end when missing, then the holiday rule
            "2023-01-31, 1, MONTH, 2023-02-28",
            "2024-01-31, 1, MONTH, 2024-02-29",
            "2023-08-15, 1, MONTH, 2023-09-15",
            "2023-09-01, 1, MONTH, 2023-10-07",
            "2022-10-01, 1, YEAR, 2023-10-07",
            "2024-02-29, 1, YEAR, 2025-02-28",
            "2023-06-15, 0, WORKDAY, 2023-06-15",
    })
    void dueDates(LocalDate start, int amount, PeriodUnit unit, LocalDate expected) {
        assertEquals(DueDate.exact(expected), arithmetic.dueDate(start, new Period(amount, unit)));
    }

    @Test
    void hoursCountFromTheInstant() {
        LocalDateTime event = LocalDateTime.of(2023, 9, 28, 16, 30);
        assertEquals(LocalDateTime.of(2023, 9, 30, 16, 30), arithmetic.dueAt(event, new Period(48, PeriodUnit.HOUR)));
        assertEquals(LocalDateTime.of(2023, 9, 28, 21, 30), arithmetic.dueAt(event, new Period(5, PeriodUnit.HOUR)));
        assertEquals(LocalDate.of(2023, 9, 30), arithmetic.dueDate(event.toLocalDate(), new Period(48, PeriodUnit.HOUR)).date());
    }

    @Test
    void dayBasedPeriodsEndAtTheEndOfTheirLastDay() {
        LocalDateTime event = LocalDateTime.of(2023, 8, 9, 10, 0);
        assertEquals(LocalDate.of(2023, 9, 6).atTime(LocalTime.MAX), arithmetic.dueAt(event, Period.workdays(20)));
    }

    @Test
    void periodsEndingInAnUnpublishedYearAreProvisional() {
        DueDate due = arithmetic.dueDate(LocalDate.of(2026, 6, 1), new Period(1, PeriodUnit.YEAR));
        assertEquals(LocalDate.of(2027, 6, 1), due.date());
        assertTrue(due.provisional());
        assertEquals(Set.of(2027), due.uncoveredYears());
        assertFalse(arithmetic.dueDate(LocalDate.of(2025, 6, 1), new Period(1, PeriodUnit.YEAR)).provisional());
        assertTrue(arithmetic.dueDate(LocalDate.of(2026, 12, 20), Period.workdays(20)).provisional());
    }
}
