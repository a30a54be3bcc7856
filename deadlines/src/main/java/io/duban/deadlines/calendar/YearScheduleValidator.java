package io.duban.deadlines.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a supplied year schedule before it replaces a year of the calendar. Rules: the year is
 * plausible; the notice has a title; there is at least one holiday; every holiday has a name and at
 * least one day off; every date lies inside the year — or in the previous December, because a
 * notice's 元旦 can begin there (2023's 元旦 starts on 2022-12-31); no date is listed twice; no date
 * is both a day off and a make-up day; make-up days fall on a Saturday or Sunday.
 */
public final class YearScheduleValidator {

    /** Years a schedule may be for. */
    public static final int MIN_YEAR = 1949;
    public static final int MAX_YEAR = 2200;

    private YearScheduleValidator() {
    }

    /** The problems found, in document order; empty when the schedule is acceptable. */
    public static List<ScheduleProblem> validate(YearSchedule schedule) {
        List<ScheduleProblem> problems = new ArrayList<>();
        if (schedule == null) {
            problems.add(new ScheduleProblem("", "节假日安排不能为空"));
            return problems;
        }
        int year = schedule.year();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            problems.add(new ScheduleProblem("year", "年份 " + year + " 不在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间"));
            return problems;
        }
        Notice notice = schedule.notice();
        if (notice == null || notice.title() == null || notice.title().isBlank()) {
            problems.add(new ScheduleProblem("notice.title", "缺少通知标题（如“" + YearSchedules.standardTitle(year) + "”）"));
        }
        if (schedule.holidays().isEmpty()) {
            problems.add(new ScheduleProblem("holidays", year + "年的安排没有列出任何节假日（通知尚未发布？）"));
        }
        LocalDate first = LocalDate.of(year - 1, Month.DECEMBER, 1);
        LocalDate last = LocalDate.of(year, Month.DECEMBER, 31);
        Map<LocalDate, String> seen = new HashMap<>();
        for (int h = 0; h < schedule.holidays().size(); h++) {
            Holiday holiday = schedule.holidays().get(h);
            String at = "holidays[" + h + "]";
            if (holiday == null) {
                problems.add(new ScheduleProblem(at, "节假日不能为空"));
                continue;
            }
            if (holiday.name() == null || holiday.name().isBlank()) {
                problems.add(new ScheduleProblem(at + ".name", "节假日缺少名称"));
            }
            if (holiday.offDays().isEmpty()) {
                problems.add(new ScheduleProblem(at + ".offDays", "节假日“" + holiday.name() + "”没有放假日期"));
            }
            check(holiday.offDays(), at + ".offDays", false, first, last, year, seen, problems);
            check(holiday.makeupDays(), at + ".makeupDays", true, first, last, year, seen, problems);
        }
        return problems;
    }

    private static void check(List<LocalDate> days, String at, boolean makeup, LocalDate first, LocalDate last,
                              int year, Map<LocalDate, String> seen, List<ScheduleProblem> problems) {
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            String field = at + "[" + i + "]";
            if (d == null) {
                problems.add(new ScheduleProblem(field, "日期不能为空"));
                continue;
            }
            if (d.isBefore(first) || d.isAfter(last)) {
                problems.add(new ScheduleProblem(field, d + " 不在" + year + "年内（仅允许上一年12月的元旦调整日期）"));
            }
            if (makeup && !YearSchedules.isWeekend(d)) {
                problems.add(new ScheduleProblem(field, d + " 是工作日（周一至周五），调休上班日只能是周六或周日"));
            }
            String previous = seen.putIfAbsent(d, makeup ? "makeup" : "off");
            if (previous != null) {
                boolean conflict = !previous.equals(makeup ? "makeup" : "off");
                problems.add(new ScheduleProblem(field, conflict
                        ? d + " 既是放假日又是调休上班日"
                        : d + " 重复列出"));
            }
        }
    }
}
