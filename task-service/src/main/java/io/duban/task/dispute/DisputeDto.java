package io.duban.task.dispute;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.feed.DisputeSnapshot;
import io.duban.task.common.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** 申诉 as the API shows it; the decision fields are null while OPEN. */
public record DisputeDto(UUID id, String region, UUID assignmentId, UUID taskId, UUID unitId, String reason, DisputeStatus status,
        String raisedBy, Instant raisedAt, String comment, List<UUID> designatedUnitIds, String decidedBy, Instant decidedAt,
        long version) {

    static final String COLUMNS = "id, region, assignment_id, task_id, unit_id, reason, status, raised_by, raised_at, comment, "
            + "designated::text as designated, decided_by, decided_at, version";

    static DisputeDto from(Row r) {
        OffsetDateTime decided = r.getOffsetDateTime("decided_at");
        return new DisputeDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), r.getUUID("task_id"),
                r.getUUID("unit_id"), r.getString("reason"), DisputeStatus.valueOf(r.getString("status")), r.getString("raised_by"),
                r.getOffsetDateTime("raised_at").toInstant(), r.getString("comment"),
                Json.read(r.getString("designated"), new TypeReference<List<UUID>>() { }), r.getString("decided_by"),
                decided == null ? null : decided.toInstant(), r.getLong("version"));
    }

    public DisputeSnapshot snapshot() {
        return new DisputeSnapshot(id, region, assignmentId, taskId, unitId.toString(), reason, status.name(), raisedBy, raisedAt,
                comment, designatedUnitIds.stream().map(UUID::toString).toList(), decidedBy, decidedAt, version);
    }
}
