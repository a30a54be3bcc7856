package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.UUID;

/** 工作方案: {@code kind} is task-service's PlanKind (KEY_TASKS, …); {@code ledgerDueOn}: 工作台账 due (may be null). */
public record PlanSnapshot(UUID id, String region, String title, String docNumber, LocalDate issuedOn, int year,
        String kind, LocalDate ledgerDueOn, long version) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.PLAN;
    }
}
