package io.duban.report.query;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which obligations of a region a question is about; null members do not filter. {@code excludedPlanKinds}: plans of
 * these kinds (task-service's PlanKind) are left out — the 通报 and the 考核 task part count the 政务公开 work plans,
 * not a session's 建议提案, which a unit still sees in its agenda and on the dashboard.
 */
public record ObligationFilter(String region, LocalDate asOf, String unitId, UUID planId, List<String> statuses,
                               LocalDate dueFrom, LocalDate dueTo, List<String> lights, List<String> excludedPlanKinds) {

    /** The kind of plan whose obligations are 建议提案 replies (task-service PlanKind.PROPOSALS). */
    public static final String PROPOSALS = "PROPOSALS";

    public ObligationFilter(String region, LocalDate asOf, String unitId, UUID planId, List<String> statuses,
                            LocalDate dueFrom, LocalDate dueTo) {
        this(region, asOf, unitId, planId, statuses, dueFrom, dueTo, null, null);
    }

    /** Only obligations showing one of {@code l} (BLUE, YELLOW, RED). */
    public ObligationFilter withLights(List<String> l) {
        return new ObligationFilter(region, asOf, unitId, planId, statuses, dueFrom, dueTo, l, excludedPlanKinds);
    }

    /** Only obligations of the work plans: a session's 建议提案 are left out. */
    public ObligationFilter workPlansOnly() {
        return new ObligationFilter(region, asOf, unitId, planId, statuses, dueFrom, dueTo, lights, List.of(PROPOSALS));
    }

    public static ObligationFilter region(String region, LocalDate asOf) {
        return new ObligationFilter(region, asOf, null, null, null, null, null);
    }

    public ObligationFilter withStatuses(List<String> s) {
        return new ObligationFilter(region, asOf, unitId, planId, s, dueFrom, dueTo, lights, excludedPlanKinds);
    }

    public ObligationFilter withUnit(String u) {
        return new ObligationFilter(region, asOf, u, planId, statuses, dueFrom, dueTo, lights, excludedPlanKinds);
    }

    public ObligationFilter withPlan(UUID p) {
        return new ObligationFilter(region, asOf, unitId, p, statuses, dueFrom, dueTo, lights, excludedPlanKinds);
    }

    public ObligationFilter withDue(LocalDate from, LocalDate to) {
        return new ObligationFilter(region, asOf, unitId, planId, statuses, from, to, lights, excludedPlanKinds);
    }
}
