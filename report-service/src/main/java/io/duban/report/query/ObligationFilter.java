package io.duban.report.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Which obligations of a region a question is about; null members do not filter. */
public record ObligationFilter(String region, LocalDate asOf, String unitId, UUID planId, List<String> statuses,
                               LocalDate dueFrom, LocalDate dueTo, List<String> lights) {

    public ObligationFilter(String region, LocalDate asOf, String unitId, UUID planId, List<String> statuses,
                            LocalDate dueFrom, LocalDate dueTo) {
        this(region, asOf, unitId, planId, statuses, dueFrom, dueTo, null);
    }

    /** Only obligations showing one of {@code l} (BLUE, YELLOW, RED). */
    public ObligationFilter withLights(List<String> l) {
        return new ObligationFilter(region, asOf, unitId, planId, statuses, dueFrom, dueTo, l);
    }

    public static ObligationFilter region(String region, LocalDate asOf) {
        return new ObligationFilter(region, asOf, null, null, null, null, null);
    }

    public ObligationFilter withStatuses(List<String> s) {
        return new ObligationFilter(region, asOf, unitId, planId, s, dueFrom, dueTo, lights);
    }

    public ObligationFilter withUnit(String u) {
        return new ObligationFilter(region, asOf, u, planId, statuses, dueFrom, dueTo, lights);
    }

    public ObligationFilter withPlan(UUID p) {
        return new ObligationFilter(region, asOf, unitId, p, statuses, dueFrom, dueTo, lights);
    }

    public ObligationFilter withDue(LocalDate from, LocalDate to) {
        return new ObligationFilter(region, asOf, unitId, planId, statuses, from, to, lights);
    }
}
