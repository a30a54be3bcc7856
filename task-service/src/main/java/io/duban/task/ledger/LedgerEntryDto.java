package io.duban.task.ledger;

import io.duban.feed.LedgerEntrySnapshot;
import io.vertx.mutiny.sqlclient.Row;
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

    static final String COLUMNS = "id, region, assignment_id, plan_id, unit_id, office, owner, owner_phone, measures, planned_on, "
            + "after_submission, updated_by, updated_at, version";

    static LedgerEntryDto from(Row r) {
        return new LedgerEntryDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), r.getUUID("plan_id"),
                r.getUUID("unit_id"), r.getString("office"), r.getString("owner"), r.getString("owner_phone"), r.getString("measures"),
                r.getLocalDate("planned_on"), r.getBoolean("after_submission"), r.getString("updated_by"),
                r.getOffsetDateTime("updated_at").toInstant(), r.getLong("version"));
    }

    public LedgerEntrySnapshot snapshot() {
        return new LedgerEntrySnapshot(id, region, assignmentId, planId, unitId.toString(), office, owner, ownerPhone, measures,
                plannedOn, afterSubmission, updatedBy, updatedAt, version);
    }
}
