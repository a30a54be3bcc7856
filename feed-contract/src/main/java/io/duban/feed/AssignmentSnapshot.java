package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * 责任分解: task × unit × role. {@code unitId} is org-service's unit id as text (the readers keep it as
 * text, like the {@code unit} claim of a token); {@code role} is LEAD, CO or RESPONSIBLE; {@code status}
 * NOT_STARTED, IN_PROGRESS, DONE, …; an inactive assignment was withdrawn by a correction of its task.
 */
public record AssignmentSnapshot(UUID id, String region, UUID planId, UUID taskId, String unitId, String unitName,
        String role, String status, boolean active, long version) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.ASSIGNMENT;
    }
}
