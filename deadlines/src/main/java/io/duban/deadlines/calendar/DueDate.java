package io.duban.deadlines.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * A computed date and whether it can be trusted: {@code provisional} is true when the computation
 * crossed a year with no published 国务院办公厅 schedule (then weekends-only was assumed), and
 * {@code uncoveredYears} says which.
 */
public record DueDate(LocalDate date, boolean provisional, Set<Integer> uncoveredYears) {

    public DueDate {
        uncoveredYears = Set.copyOf(uncoveredYears);
    }

    public static DueDate exact(LocalDate date) {
        return new DueDate(date, false, Set.of());
    }
}
