package io.duban.deadlines.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearScheduleValidatorTest {

    private static final Notice NOTICE = new Notice(YearSchedules.standardTitle(2027), null, null, null);

    private static YearSchedule year2027(Holiday... holidays) {
        return new YearSchedule(2027, NOTICE, List.of(holidays));
    }

    private static Holiday holiday(String name, List<String> off, List<String> makeup) {
        return new Holiday(name, off.stream().map(LocalDate::parse).toList(), makeup.stream().map(LocalDate::parse).toList());
    }

    private static List<String> messages(YearSchedule s) {
        return YearScheduleValidator.validate(s).stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    @Test
    void aWellFormedYearHasNoProblems() {
        assertEquals(List.of(), messages(year2027(
                holiday("元旦", List.of("2026-12-31", "2027-01-01"), List.of("2026-12-26")),
                holiday("春节", List.of("2027-02-06", "2027-02-07"), List.of("2027-02-20")))));
    }

    @Test
    void datesOutsideTheYearAreRejectedExceptThePreviousDecember() {
        assertEquals(List.of("holidays[0].offDays[1]: 2028-01-01 不在2027年内（仅允许上一年12月的元旦调整日期）",
                        "holidays[0].offDays[2]: 2026-11-30 不在2027年内（仅允许上一年12月的元旦调整日期）"),
                messages(year2027(holiday("元旦", List.of("2027-01-01", "2028-01-01", "2026-11-30"), List.of()))));
    }

    @Test
    void makeupDaysMustBeWeekends() {
        assertEquals(List.of("holidays[0].makeupDays[0]: 2027-02-03 是工作日（周一至周五），调休上班日只能是周六或周日"),
                messages(year2027(holiday("春节", List.of("2027-02-06"), List.of("2027-02-03")))));
    }

    @Test
    void aDateCannotBeBothOffAndMakeupNorListedTwice() {
        List<String> problems = messages(year2027(
                holiday("春节", List.of("2027-02-06", "2027-02-06"), List.of()),
                holiday("别的", List.of("2027-03-01"), List.of("2027-02-06"))));
        assertEquals(List.of("holidays[0].offDays[1]: 2027-02-06 重复列出",
                "holidays[1].makeupDays[0]: 2027-02-06 既是放假日又是调休上班日"), problems);
    }

    @Test
    void everyHolidayNeedsANameAndDaysOffAndTheNoticeATitle() {
        YearSchedule s = new YearSchedule(2027, new Notice(" ", null, null, null),
                List.of(holiday(" ", List.of(), List.of("2027-01-02"))));
        List<String> problems = messages(s);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("notice.title: 缺少通知标题"));
        assertEquals("holidays[0].name: 节假日缺少名称", problems.get(1));
        assertTrue(problems.get(2).startsWith("holidays[0].offDays: "));
    }

    @Test
    void implausibleYearsAreRejected() {
        assertEquals(List.of("year: 年份 99999 不在 1949–2200 之间"),
                messages(new YearSchedule(99999, NOTICE, List.of())));
        assertEquals(List.of(": 节假日安排不能为空"), messages(null));
    }
}
