package io.duban.report.calendar;

import io.duban.common.problem.FieldError;
import io.duban.deadlines.calendar.Holiday;
import io.duban.deadlines.calendar.YearSchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an uploaded year's schedule must satisfy before it may change due dates: the year of the
 * path, a source notice, named holidays whose days lie in that year (a holiday may run into the
 * first days of the next year or start in the last days of the previous one), 调休 days that
 * are weekends, and no day both off and a make-up working day.
 */
public final class YearScheduleChecks {

    private YearScheduleChecks() {
    }

    public static List<FieldError> check(int year, YearSchedule s) {
        List<FieldError> errors = new ArrayList<>();
        if (s.year() != year) {
            errors.add(new FieldError("year", "年份 " + s.year() + " 与路径中的年份 " + year + " 不一致"));
        }
        if (s.notice() == null || blank(s.notice().title())) {
            errors.add(new FieldError("notice.title", "须注明来源通知（国务院办公厅关于" + year + "年部分节假日安排的通知）"));
        }
        if (s.holidays().isEmpty()) {
            errors.add(new FieldError("holidays", "至少应有一个节假日"));
        }
        Set<LocalDate> off = new HashSet<>();
        for (int i = 0; i < s.holidays().size(); i++) {
            Holiday h = s.holidays().get(i);
            String at = "holidays[" + i + "]";
            if (h == null) {
                errors.add(new FieldError(at, "节假日不能为空"));
                continue;
            }
            if (blank(h.name())) {
                errors.add(new FieldError(at + ".name", "节假日须有名称"));
            }
            if (h.offDays().isEmpty()) {
                errors.add(new FieldError(at + ".offDays", "节假日至少放假一天"));
            }
            for (LocalDate d : h.offDays()) {
                if (d == null || !near(d, year)) {
                    errors.add(new FieldError(at + ".offDays", "放假日期 " + d + " 不在 " + year + " 年内"));
                } else if (!off.add(d)) {
                    errors.add(new FieldError(at + ".offDays", "放假日期 " + d + " 重复"));
                }
            }
            for (LocalDate d : h.makeupDays()) {
                if (d == null || !near(d, year)) {
                    errors.add(new FieldError(at + ".makeupDays", "调休上班日期 " + d + " 不在 " + year + " 年内"));
                } else if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    errors.add(new FieldError(at + ".makeupDays", "调休上班日期 " + d + " 不是周末"));
                }
            }
        }
        for (Holiday h : s.holidays()) {
            if (h != null) {
                for (LocalDate d : h.makeupDays()) {
                    if (off.contains(d)) {
                        errors.add(new FieldError("holidays", d + " 既是放假日又是调休上班日"));
                    }
                }
            }
        }
        return errors;
    }

    private static boolean near(LocalDate d, int year) {
        return d.getYear() == year
                || (d.getYear() == year + 1 && d.getMonthValue() == 1 && d.getDayOfMonth() <= 10)
                || (d.getYear() == year - 1 && d.getMonthValue() == 12 && d.getDayOfMonth() >= 20);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
