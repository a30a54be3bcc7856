package io.duban.deadlines.rule;

import java.time.LocalDate;

/** What a 时限要求 cell is read against: the plan's year (for "7月底前") and its issue date (may be null). */
public record PlanContext(int year, LocalDate issuedOn) {
}
