package io.duban.report.common;

import io.duban.common.problem.ProblemException;
import io.duban.common.time.SaneDates;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads the {@code asOf} and other date query parameters; every judgement is made as of a day in Asia/Shanghai. */
public final class AsOf {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private AsOf() {
    }

    /** The given day, or today in Asia/Shanghai when absent. */
    public static LocalDate orToday(String asOf) {
        LocalDate d = date("asOf", asOf);
        return d != null ? d : LocalDate.now(ZONE);
    }

    /** An optional ISO date parameter; 400 naming the field when it is not one or lies outside 2000–2100. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, field + " 应为日期（YYYY-MM-DD），收到：" + abbreviate(value));
        }
        if (!SaneDates.within(d)) {
            throw ProblemException.invalidField(field, field + " 应在 " + SaneDates.RANGE + "，收到：" + abbreviate(value));
        }
        return d;
    }

    public static LocalDate required(String field, String value) {
        LocalDate d = date(field, value);
        if (d == null) {
            throw ProblemException.invalidField(field, "缺少参数 " + field + "（YYYY-MM-DD）。");
        }
        return d;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
