package io.duban.report.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar (RFC 5545) feed of all-day events by hand: CRLF line ends, TEXT values escaped
 * (backslash, semicolon, comma, newline), content lines folded at 75 octets without splitting a UTF-8
 * character. Plain: no I/O, no framework.
 */
public final class IcsWriter {

    static final int LINE_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsWriter() {
    }

    /** One all-day event on {@code day}. */
    public record Event(String uid, LocalDate day, String summary, String description, String url) {
    }

    public static String calendar(String name, Instant stamp, List<Event> events) {
        StringBuilder s = new StringBuilder();
        line(s, "BEGIN:VCALENDAR");
        line(s, "VERSION:2.0");
        line(s, "PRODID:-//duban//督办日历//ZH");
        line(s, "CALSCALE:GREGORIAN");
        line(s, "METHOD:PUBLISH");
        line(s, "X-WR-CALNAME:" + text(name));
        line(s, "X-WR-TIMEZONE:Asia/Shanghai");
        for (Event e : events) {
            line(s, "BEGIN:VEVENT");
            line(s, "UID:" + text(e.uid()));
            line(s, "DTSTAMP:" + STAMP.format(stamp));
            line(s, "DTSTART;VALUE=DATE:" + DATE.format(e.day()));
            line(s, "DTEND;VALUE=DATE:" + DATE.format(e.day().plusDays(1)));
            line(s, "SUMMARY:" + text(e.summary()));
            if (e.description() != null && !e.description().isBlank()) {
                line(s, "DESCRIPTION:" + text(e.description()));
            }
            if (e.url() != null) {
                line(s, "URL:" + e.url());
            }
            line(s, "TRANSP:TRANSPARENT");
            line(s, "END:VEVENT");
        }
        line(s, "END:VCALENDAR");
        return s.toString();
    }

    /** A TEXT value escaped (RFC 5545 §3.3.11). */
    static String text(String v) {
        if (v == null) {
            return "";
        }
        return v.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded: no physical line longer than 75 octets, continuation lines start with a space. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + n > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = LINE_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(cp);
            octets += n;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
