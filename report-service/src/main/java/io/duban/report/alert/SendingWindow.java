package io.duban.report.alert;

import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When alerts may be sent: on a working day of the calendar in use, from {@code from} (inclusive) to
 * {@code until} (exclusive), local time of the alerts' zone. Anything due outside waits in the outbox for
 * the next window. {@code "always"} sends at any time (tests; a county that wants it).
 */
public record SendingWindow(LocalTime from, LocalTime until) {

    /** "08:30-18:00", or "always" (null bounds). */
    public static SendingWindow parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("always")) {
            return new SendingWindow(null, null);
        }
        String[] parts = t.split("-");
        try {
            if (parts.length == 2) {
                LocalTime from = LocalTime.parse(parts[0].strip());
                LocalTime until = LocalTime.parse(parts[1].strip());
                if (from.isBefore(until)) {
                    return new SendingWindow(from, until);
                }
            }
        } catch (DateTimeParseException e) {
            // fall through
        }
        throw new IllegalArgumentException("duban.alerts.sending-hours must be HH:mm-HH:mm (from before until) or always: " + text);
    }

    public boolean always() {
        return from == null;
    }

    /** Whether an alert may go out at {@code now} (in the alerts' zone). */
    public boolean allows(ZonedDateTime now, WorkdayCalendar calendar) {
        if (always()) {
            return true;
        }
        LocalTime t = now.toLocalTime();
        return calendar.isWorkday(now.toLocalDate()) && !t.isBefore(from) && t.isBefore(until);
    }
}
