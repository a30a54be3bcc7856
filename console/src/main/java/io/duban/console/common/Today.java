package io.duban.console.common;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Dates as the county lives them (Asia/Shanghai), and the {@code asOf} of a page. */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(ZONE);
    }

    /** The page's asOf parameter, or today when absent or not a date. */
    public static LocalDate asOf(String param) {
        if (param == null || param.isBlank()) {
            return date();
        }
        try {
            return LocalDate.parse(param.trim());
        } catch (DateTimeParseException e) {
            return date();
        }
    }
}
