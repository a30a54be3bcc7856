package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 触发事件: append-only; {@code trigger} is the deadlines library's Trigger name (INFO_CHANGED, …). */
public record EventSnapshot(UUID id, String region, UUID assignmentId, String trigger, LocalDate occurredOn,
        Instant occurredAt, String title, String recordedBy, Instant recordedAt) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.EVENT;
    }
}
