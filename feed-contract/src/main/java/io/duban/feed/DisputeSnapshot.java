package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 申诉: a unit says an assignment is not its duty. {@code status} OPEN, UPHELD or REJECTED; the decision
 * fields are null while OPEN; {@code designatedUnitIds} are the units an upheld dispute designated instead.
 */
public record DisputeSnapshot(UUID id, String region, UUID assignmentId, UUID taskId, String unitId, String reason,
        String status, String raisedBy, Instant raisedAt, String comment, List<String> designatedUnitIds, String decidedBy,
        Instant decidedAt, long version) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.DISPUTE;
    }
}
