package io.duban.common.time;

import java.time.LocalDate;

/**
 * The days a date sent by a client may name: duban tracks 政务公开 work of this century, so any
 * date outside 2000–2100 is a typo or a probe ({@code +10000-01-01}, {@code 9999-12-31}) that would
 * otherwise travel on into the projection, the calendars and the documents.
 */
public final class SaneDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    /** The Chinese phrase for the range, for problem details. */
    public static final String RANGE = "2000-01-01 到 2100-12-31 之间";

    private SaneDates() {
    }

    public static boolean within(LocalDate d) {
        return !d.isBefore(EARLIEST) && !d.isAfter(LATEST);
    }
}
