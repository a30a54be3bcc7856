package io.duban.console.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as people in a county type them: 2023-12-31, 2023/12/31, 2023.12.31, 2023年12月31日, 20231231. The
 * console's date fields are text fields in this form (a browser's own date field reads mm/dd/yyyy in an
 * English browser), with a date picker beside them.
 */
public final class Dates {

    private static final Pattern SEPARATED = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private Dates() {
    }

    /** The day a text names, or empty when it names none. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher m = SEPARATED.matcher(t);
        if (!m.matches()) {
            m = COMPACT.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException noSuchDay) {
            return Optional.empty();
        }
    }

    /**
     * For an API field: the ISO date when the text names a day; the text itself when it does not (so the
     * service names the field and says why in Chinese); null when blank.
     */
    public static String iso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return parse(text).map(LocalDate::toString).orElse(text.strip());
    }
}
