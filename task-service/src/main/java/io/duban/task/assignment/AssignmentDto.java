package io.duban.task.assignment;

import io.duban.feed.AssignmentSnapshot;
import io.duban.task.common.Days;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.UUID;

/** 责任分解: what a unit sees and updates; mapped to the feed's ASSIGNMENT snapshot by {@link #snapshot()}. */
public record AssignmentDto(UUID id, String region, UUID planId, UUID taskId, UUID unitId, String unitName, Role role,
        AssignmentStatus status, boolean active, LocalDate createdOn, LocalDate acknowledgedOn, long version) {

    public static final String COLUMNS = "id, region, plan_id, task_id, unit_id, unit_name, role, status, active, created_on, "
            + "acknowledged_on, version";

    /** A new assignment: waits to be signed for (待签收), its window starting today. */
    public static AssignmentDto created(String region, UUID planId, UUID taskId, UUID unitId, String unitName, Role role) {
        return new AssignmentDto(UUID.randomUUID(), region, planId, taskId, unitId, unitName, role, AssignmentStatus.PENDING_ACK,
                true, LocalDate.now(Days.CHINA), null, 1);
    }

    public static AssignmentDto from(Row r) {
        return new AssignmentDto(r.getUUID("id"), r.getString("region"), r.getUUID("plan_id"), r.getUUID("task_id"),
                r.getUUID("unit_id"), r.getString("unit_name"), Role.valueOf(r.getString("role")),
                AssignmentStatus.valueOf(r.getString("status")), r.getBoolean("active"), r.getLocalDate("created_on"),
                r.getLocalDate("acknowledged_on"), r.getLong("version"));
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
