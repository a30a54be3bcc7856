package io.duban.report.province;

import java.time.LocalDate;
import java.util.List;

/** Open overdue obligations counted per region under a code prefix (the province view). */
public record OverdueSummary(LocalDate asOf, String regionPrefix, long total, List<RegionCount> regions) {

    /** One region's open overdue obligations and the earliest due date among them. */
    public record RegionCount(String region, long overdue, LocalDate oldestDueOn) {
    }
}
