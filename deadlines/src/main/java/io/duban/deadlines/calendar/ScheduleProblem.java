package io.duban.deadlines.calendar;

/**
 * One defect of a supplied {@link YearSchedule}: where it is ({@code holidays[2].makeupDays[0]},
 * JSON-path style, usable as a problem+json {@code errors[].field}) and what is wrong, in Chinese.
 */
public record ScheduleProblem(String field, String message) {
}
