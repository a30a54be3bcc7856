package io.duban.console.common;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** How numbers read in the pages: rates as percentages with two decimals (47.41%), as in the 通报. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    private Formats() {
    }

    /** 0.47414 → 47.41%; none → —. */
    public static String pct(Double rate) {
        if (rate == null) {
            return "—";
        }
        return BigDecimal.valueOf(rate).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP) + "%";
    }

    /** A rate the API already gives in percent (66.6667 or 50) → 66.67% / 50.00%; none → —. */
    public static String percent(Double p) {
        if (p == null) {
            return "—";
        }
        return BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP) + "%";
    }

    /** Two decimals for scores. */
    public static String two(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An instant as the API gives it (ISO-8601 with offset) in Beijing time to the minute; empty for none. */
    public static String time(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return java.time.OffsetDateTime.parse(iso).atZoneSameInstant(Today.ZONE).format(MINUTES);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A day as Chinese text reads it: 2023年12月31日; empty for none. */
    public static String cn(java.time.LocalDate d) {
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Whether a day is today in Beijing (for "（今天）" beside an asOf). */
    public static boolean today(java.time.LocalDate d) {
        return Today.date().equals(d);
    }

    public static String joined(List<String> parts, String sep) {
        return parts == null ? "" : String.join(sep, parts);
    }

    public static String lines(List<String> parts) {
        return parts == null ? "" : String.join("\n", parts);
    }
}
