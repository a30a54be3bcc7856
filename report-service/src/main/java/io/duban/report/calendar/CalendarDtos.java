package io.duban.report.calendar;

import io.duban.deadlines.calendar.Holiday;
import io.duban.deadlines.calendar.Notice;
import io.duban.deadlines.calendar.YearSchedule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The calendar endpoints' answers. */
public final class CalendarDtos {

    private CalendarDtos() {
    }

    /** A year's schedule and where it comes from: BUNDLED with the service or UPLOADED at run time. */
    public record YearView(int year, String source, OffsetDateTime uploadedAt, Notice notice, List<Holiday> holidays) {
        static YearView from(YearSchedule s, OffsetDateTime uploadedAt) {
            return new YearView(s.year(), uploadedAt == null ? "BUNDLED" : "UPLOADED", uploadedAt, s.notice(), s.holidays());
        }
    }

    /** The result of an upload: how many obligations' due dates changed with it. */
    public record UploadResult(int year, String source, int changedObligations) {
    }

    /** {@code workdays/add}: the date and whether it relied on a year with no published schedule. */
    public record AddResult(LocalDate date, boolean provisional) {
    }

    /** {@code workdays/count}: working days in the inclusive range. */
    public record CountResult(int count, boolean provisional) {
    }
}
