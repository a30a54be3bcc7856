package io.duban.console.common;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates as the county lives them (Asia/Shanghai), and the {@code asOf} of a page. */
public final class Today {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Today() {
    }

    public static LocalDate date() {
        return LocalDate.now(ZONE);
    }

    /** The page's asOf parameter (any form {@link Dates} reads), or today when absent or not a date. */
    public static LocalDate asOf(String param) {
        return Dates.parse(param).orElseGet(Today::date);
    }
}
