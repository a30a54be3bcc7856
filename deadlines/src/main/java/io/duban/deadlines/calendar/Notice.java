package io.duban.deadlines.calendar;

import java.time.LocalDate;

/** The 国务院办公厅 notice a year's schedule comes from: title, 文号 (may be null), date, source URL. */
public record Notice(String title, String docNumber, LocalDate issuedOn, String sourceUrl) {
}
