package io.duban.task.dispute;

import io.duban.feed.DisputeSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** 申诉 as the API shows it; the decision fields are null while OPEN. */
public record DisputeDto(UUID id, String region, UUID assignmentId, UUID taskId, UUID unitId, String reason, DisputeStatus status,
        String raisedBy, Instant raisedAt, String comment, List<UUID> designatedUnitIds, String decidedBy, Instant decidedAt,
        long version) {

    public DisputeSnapshot snapshot() {
        return new DisputeSnapshot(id, region, assignmentId, taskId, unitId.toString(), reason, status.name(), raisedBy, raisedAt,
                comment, designatedUnitIds.stream().map(UUID::toString).toList(), decidedBy, decidedAt, version);
    }
}
