package io.duban.deadlines.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The slow, obviously-right reference: a java.time day-by-day loop over HashSets of the schedules'
 * off and make-up days, built independently of {@link WorkdayCalendar}'s index.
 */
final class NaiveCalendar {

    private final Set<LocalDate> off = new HashSet<>();
    private final Set<LocalDate> makeup = new HashSet<>();

    NaiveCalendar(Collection<YearSchedule> schedules) {
        for (YearSchedule s : schedules) {
            for (Holiday h : s.holidays()) {
                off.addAll(h.offDays());
                makeup.addAll(h.makeupDays());
            }
        }
    }

    boolean isWorkday(LocalDate d) {
        if (makeup.contains(d)) {
            return true;
        }
        if (off.contains(d)) {
            return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    LocalDate addWorkdays(LocalDate start, int n) {
        LocalDate d = start;
        int step = n >= 0 ? 1 : -1;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkday(d)) {
                left--;
            }
        }
        return d;
    }

    int countWorkdays(LocalDate from, LocalDate to) {
        LocalDate a = from.isBefore(to) ? from : to;
        LocalDate b = from.isBefore(to) ? to : from;
        int count = 0;
        for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkday(d)) {
                count++;
            }
        }
        return count;
    }
}
