package io.duban.report.bulletin;

import java.time.LocalDate;

/** Calendar quarters: first and last day, the one before. */
public record Quarters(int year, int quarter) {

    public LocalDate first() {
        return LocalDate.of(year, 3 * quarter - 2, 1);
    }

    public LocalDate last() {
        LocalDate m = LocalDate.of(year, 3 * quarter, 1);
        return m.withDayOfMonth(m.lengthOfMonth());
    }

    public Quarters previous() {
        return quarter == 1 ? new Quarters(year - 1, 4) : new Quarters(year, quarter - 1);
    }
}
