package io.duban.deadlines.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkdayCalendarTest {

    private final WorkdayCalendar cal = WorkdayCalendar.bundled();

    @ParameterizedTest(name = "{0} + {1} 工作日 = {2}")
    @CsvSource({
            "2023-08-09, 20, 2023-09-06",
            "2023-09-25, 10, 2023-10-13",
            "2023-09-27, 3, 2023-10-08",
            "2026-02-13, 1, 2026-02-14",
            "2026-02-14, 1, 2026-02-24",
            "2023-09-06, -20, 2023-08-09",
            "2023-10-13, -10, 2023-09-25",
            "2023-10-08, -3, 2023-09-27",
            "2023-05-05, 0, 2023-05-05",
    })
    void goldenAddWorkdays(LocalDate start, int n, LocalDate expected) {
        assertEquals(DueDate.exact(expected), cal.addWorkdays(start, n));
    }

    @Test
    void workingDaysInOctober2023Are19() {
        assertEquals(19, cal.countWorkdays(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 31)));
        assertEquals(19, cal.countWorkdays(LocalDate.of(2023, 10, 31), LocalDate.of(2023, 10, 1)));
    }

    @Test
    void workingDaysIn2023Are249() {
        assertEquals(249, cal.countWorkdays(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)));
    }

    @Test
    void countIsInclusiveOfBothEnds() {
        assertEquals(1, cal.countWorkdays(LocalDate.of(2023, 10, 9), LocalDate.of(2023, 10, 9)));
        assertEquals(0, cal.countWorkdays(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 1)));
    }

    @Test
    void dayKinds() {
        assertEquals(Optional.of("中秋节、国庆节"), cal.holidayName(LocalDate.of(2023, 9, 29)));
        assertEquals(Optional.empty(), cal.holidayName(LocalDate.of(2023, 10, 7)));
        assertTrue(cal.isMakeupWorkday(LocalDate.of(2023, 10, 8)));
        assertTrue(cal.isWorkday(LocalDate.of(2023, 10, 8)));
        assertFalse(cal.isMakeupWorkday(LocalDate.of(2023, 10, 9)));
        assertFalse(cal.isWorkday(LocalDate.of(2023, 10, 14)));
        assertEquals(Optional.empty(), cal.holidayName(LocalDate.of(2023, 10, 14)));
        assertFalse(cal.isStatutoryHoliday(LocalDate.of(2023, 10, 14)));
    }

    @Test
    void decemberDaysOfTheNextYearsNoticeAreIndexedByDate() {
        // 元旦 2023 starts on 2022-12-31 and is published in the 2023 notice.
        assertEquals(Optional.of("元旦"), cal.holidayName(LocalDate.of(2022, 12, 31)));
        assertTrue(cal.isStatutoryHoliday(LocalDate.of(2022, 12, 31)));
        // 元旦 2008: 2007-12-29 (Saturday) was a make-up working day, 12-30/31 off.
        assertTrue(cal.isMakeupWorkday(LocalDate.of(2007, 12, 29)));
        assertFalse(cal.isWorkday(LocalDate.of(2007, 12, 31)));
    }

    @Test
    void springFestival2020ExtensionIsInTheData() {
        assertFalse(cal.isWorkday(LocalDate.of(2020, 1, 31)));
        assertFalse(cal.isWorkday(LocalDate.of(2020, 2, 2)));
        assertTrue(cal.isWorkday(LocalDate.of(2020, 2, 3)));
    }

    @Test
    void nextAndPreviousWorkdaySkipHolidays() {
        assertEquals(LocalDate.of(2023, 10, 7), cal.nextWorkday(LocalDate.of(2023, 9, 28)));
        assertEquals(LocalDate.of(2023, 9, 28), cal.previousWorkday(LocalDate.of(2023, 10, 7)));
        assertEquals(LocalDate.of(2023, 10, 9), cal.nextWorkday(LocalDate.of(2023, 10, 8)));
    }

    @Test
    void bundledCovers2007To2026WithNotices() {
        Set<Integer> expected = new TreeSet<>();
        for (int y = 2007; y <= 2026; y++) {
            expected.add(y);
        }
        assertEquals(expected, cal.coveredYears());
        YearSchedule s2023 = cal.schedule(2023).orElseThrow();
        assertEquals("国务院办公厅关于2023年部分节假日安排的通知", s2023.notice().title());
        assertEquals("国办发明电〔2022〕16号", s2023.notice().docNumber());
        for (YearSchedule s : WorkdayCalendar.bundledSchedules()) {
            assertEquals(List.of(), YearScheduleValidator.validate(s), "bundled " + s.year());
            assertTrue(s.notice().sourceUrl().contains("gov.cn"), "source of " + s.year());
        }
    }

    @Test
    void uncoveredYearsAreWeekendsOnlyAndProvisional() {
        DueDate due = cal.addWorkdays(LocalDate.of(2026, 12, 30), 3);
        // 12-31 Thu, 2027-01-01 Fri (no 2027 notice: weekends only), 01-04 Mon.
        assertEquals(LocalDate.of(2027, 1, 4), due.date());
        assertTrue(due.provisional());
        assertEquals(Set.of(2027), due.uncoveredYears());

        DueDate back = cal.addWorkdays(LocalDate.of(2007, 1, 5), -5);
        assertTrue(back.provisional());
        assertEquals(Set.of(2006), back.uncoveredYears());

        CalendarCoverage coverage = cal.coverage(LocalDate.of(2025, 6, 1), LocalDate.of(2028, 1, 1));
        assertFalse(coverage.complete());
        assertEquals(new TreeSet<>(List.of(2027, 2028)), coverage.uncoveredYears());
        assertTrue(cal.coverage(LocalDate.of(2023, 1, 1), LocalDate.of(2007, 1, 1)).complete());
        assertEquals(5, cal.countWorkdays(LocalDate.of(2030, 1, 7), LocalDate.of(2030, 1, 13)));
    }

    @Test
    void gapYearsInsideTheRangeAreWeekendsOnlyAndProvisional() {
        WorkdayCalendar gappy = WorkdayCalendar.of(List.of(cal.schedule(2023).orElseThrow(), cal.schedule(2020).orElseThrow()));
        assertEquals(new TreeSet<>(List.of(2020, 2023)), gappy.coveredYears());
        // 2021-10-01 is 国庆 in the bundled data but 2021 is not in this calendar.
        assertTrue(gappy.isWorkday(LocalDate.of(2021, 10, 1)));
        DueDate due = gappy.addWorkdays(LocalDate.of(2020, 12, 1), 300);
        assertTrue(due.provisional());
        assertEquals(Set.of(2021, 2022), due.uncoveredYears());
        assertEquals(cal.addWorkdays(LocalDate.of(2023, 8, 9), 20), gappy.addWorkdays(LocalDate.of(2023, 8, 9), 20));
    }

    @Test
    void invalidSchedulesAreRefused() {
        YearSchedule bad = new YearSchedule(2027, new Notice("通知", null, null, null),
                List.of(new Holiday("元旦", List.of(LocalDate.of(2031, 1, 1)), List.of())));
        assertThrows(IllegalArgumentException.class, () -> cal.withYears(List.of(bad)));
        assertThrows(IllegalArgumentException.class, () -> WorkdayCalendar.of(List.of(bad)));
    }

    @Test
    void emptyCalendarIsWeekendsOnlyEverywhere() {
        WorkdayCalendar none = WorkdayCalendar.of(List.of());
        assertEquals(LocalDate.of(2023, 10, 2), none.addWorkdays(LocalDate.of(2023, 9, 29), 1).date());
        assertTrue(none.addWorkdays(LocalDate.of(2023, 9, 29), 1).provisional());
        assertEquals(22, none.countWorkdays(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 31)));
        assertTrue(none.coveredYears().isEmpty());
    }

    @Test
    void withYearsReplacesAYearWholesaleAndLeavesTheOriginalAlone() {
        YearSchedule only2023Summer = new YearSchedule(2023, new Notice("测试通知", null, null, null),
                List.of(new Holiday("测试假", List.of(LocalDate.of(2023, 7, 3)), List.of(LocalDate.of(2023, 7, 8)))));
        WorkdayCalendar replaced = cal.withYears(List.of(only2023Summer));
        assertFalse(replaced.isWorkday(LocalDate.of(2023, 7, 3)));
        assertTrue(replaced.isWorkday(LocalDate.of(2023, 7, 8)));
        // The bundled 2023 holidays are gone with the replaced year…
        assertTrue(replaced.isWorkday(LocalDate.of(2023, 10, 2)));
        assertFalse(replaced.isWorkday(LocalDate.of(2023, 10, 8)));
        // …other years and the original calendar are untouched.
        assertFalse(replaced.isWorkday(LocalDate.of(2024, 10, 1)));
        assertFalse(cal.isWorkday(LocalDate.of(2023, 10, 2)));
        assertEquals("测试通知", replaced.schedule(2023).orElseThrow().notice().title());
    }
}
