package io.duban.task.ledger;

import io.duban.feed.LedgerEntrySnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The current 工作台账 entry of one assignment: 责任科室, 责任人 (with phone), 工作措施, 计划完成时间.
 * {@code afterSubmission}: this version was written after the unit submitted its ledger (a change the
 * supervisor should see).
 */
public record LedgerEntryDto(UUID id, String region, UUID assignmentId, UUID planId, UUID unitId, String office, String owner,
        String ownerPhone, String measures, LocalDate plannedOn, boolean afterSubmission, String updatedBy, Instant updatedAt,
        long version) {

    public LedgerEntrySnapshot snapshot() {
        return new LedgerEntrySnapshot(id, region, assignmentId, planId, unitId.toString(), office, owner, ownerPhone, measures,
                plannedOn, afterSubmission, updatedBy, updatedAt, version);
    }
}
