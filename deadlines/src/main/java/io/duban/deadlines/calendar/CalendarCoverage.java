package io.duban.deadlines.calendar;

import java.util.SortedSet;
import java.util.TreeSet;

/** Whether a calendar has a published schedule for every year of a date range, and which years it lacks. */
public record CalendarCoverage(boolean complete, SortedSet<Integer> uncoveredYears) {

    public CalendarCoverage {
        uncoveredYears = new TreeSet<>(uncoveredYears);
    }
}
