package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 办结审核: append-only. {@code decision} ACCEPT or RETURN of the completion reported by {@code reportId}
 * (whose {@code completedOn} it repeats); a RETURN's {@code comment} is the 退回原因.
 */
public record ReviewSnapshot(UUID id, String region, UUID assignmentId, UUID reportId, String decision, String comment,
        LocalDate completedOn, String reviewedBy, Instant reviewedAt) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.REVIEW;
    }
}
