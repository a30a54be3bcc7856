package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 工作台账 entry of one assignment, its current version: 责任科室, 责任人 and phone, 工作措施,
 * 计划完成时间. {@code afterSubmission}: this version was written after the unit submitted its ledger.
 */
public record LedgerEntrySnapshot(UUID id, String region, UUID assignmentId, UUID planId, String unitId, String office,
        String owner, String ownerPhone, String measures, LocalDate plannedOn, boolean afterSubmission, String updatedBy,
        Instant updatedAt, long version) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.LEDGER_ENTRY;
    }
}
