package io.duban.task.plan;

import io.duban.feed.PlanSnapshot;
import java.time.LocalDate;
import java.util.UUID;

/** A plan as the API and the change feed show it; {@code ledgerDueOn}: when units' 工作台账 are due (报送). */
public record PlanDto(UUID id, String region, String title, String docNumber, LocalDate issuedOn, int year,
        PlanKind kind, LocalDate ledgerDueOn, long version) {

    /** The PLAN snapshot of the change feed, mapped field by field. */
    public PlanSnapshot snapshot() {
        return new PlanSnapshot(id, region, title, docNumber, issuedOn, year, kind.name(), ledgerDueOn, version);
    }
}
