package io.duban.deadlines.calendar;

import java.util.List;

/** A year's published holiday schedule: the notice it comes from and its holidays. */
public record YearSchedule(int year, Notice notice, List<Holiday> holidays) {

    public YearSchedule {
        holidays = List.copyOf(holidays);
    }
}
