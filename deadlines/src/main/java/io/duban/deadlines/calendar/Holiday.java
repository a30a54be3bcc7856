package io.duban.deadlines.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One statutory holiday of a year's schedule (e.g. 国庆节、中秋节): its days off and its 调休
 * make-up working days (Saturdays or Sundays that are working days).
 */
public record Holiday(String name, List<LocalDate> offDays, List<LocalDate> makeupDays) {

    public Holiday {
        offDays = List.copyOf(offDays);
        makeupDays = List.copyOf(makeupDays == null ? List.of() : makeupDays);
    }
}
