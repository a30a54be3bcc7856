package io.duban.task.assignment;

import io.duban.feed.AssignmentSnapshot;
import io.duban.task.common.Days;
import java.time.LocalDate;
import java.util.UUID;

/** 责任分解: what a unit sees and updates; mapped to the feed's ASSIGNMENT snapshot by {@link #snapshot()}. */
public record AssignmentDto(UUID id, String region, UUID planId, UUID taskId, UUID unitId, String unitName, Role role,
        AssignmentStatus status, boolean active, LocalDate createdOn, LocalDate acknowledgedOn, long version) {

    /** A new assignment: waits to be signed for (待签收), its window starting today. */
    public static AssignmentDto created(String region, UUID planId, UUID taskId, UUID unitId, String unitName, Role role) {
        return new AssignmentDto(UUID.randomUUID(), region, planId, taskId, unitId, unitName, role, AssignmentStatus.PENDING_ACK,
                true, LocalDate.now(Days.CHINA), null, 1);
    }

    /** The ASSIGNMENT snapshot of the change feed, mapped field by field. */
    public AssignmentSnapshot snapshot() {
        return new AssignmentSnapshot(id, region, planId, taskId, unitId == null ? null : unitId.toString(), unitName,
                role.name(), status.name(), active, createdOn, acknowledgedOn, version);
    }

    public AssignmentDto withRole(Role newRole) {
        return new AssignmentDto(id, region, planId, taskId, unitId, unitName, newRole, status, active, createdOn, acknowledgedOn, version + 1);
    }

    public AssignmentDto deactivated() {
        return new AssignmentDto(id, region, planId, taskId, unitId, unitName, role, status, false, createdOn, acknowledgedOn, version + 1);
    }

    public AssignmentDto reactivated(Role newRole) {
        return new AssignmentDto(id, region, planId, taskId, unitId, unitName, newRole, status, true, createdOn, acknowledgedOn, version + 1);
    }
}
