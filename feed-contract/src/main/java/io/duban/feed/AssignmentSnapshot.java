package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 责任分解: task × unit × role. {@code unitId} is org-service's unit id as text (the readers keep it as
 * text, like the {@code unit} claim of a token); {@code role} is LEAD, CO or RESPONSIBLE; {@code status}
 * PENDING_ACK (待签收), NOT_STARTED, IN_PROGRESS, PENDING_REVIEW (待审核), DONE, …; an inactive assignment was
 * withdrawn by a correction of its task or an upheld 申诉. {@code createdOn} starts the 签收 window (Asia/Shanghai);
 * {@code acknowledgedOn} is null until the unit signed for it (or reported).
 */
public record AssignmentSnapshot(UUID id, String region, UUID planId, UUID taskId, String unitId, String unitName,
        String role, String status, boolean active, LocalDate createdOn, LocalDate acknowledgedOn, long version) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.ASSIGNMENT;
    }
}
