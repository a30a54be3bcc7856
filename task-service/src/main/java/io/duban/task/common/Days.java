package io.duban.task.common;

import java.time.LocalDate;
import java.time.ZoneId;

/** The county's day: dates of facts (签收, 报送, completion) are days in Asia/Shanghai. */
public final class Days {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Days() {
    }

    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
