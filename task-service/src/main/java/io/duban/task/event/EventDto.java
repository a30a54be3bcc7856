package io.duban.task.event;

import io.duban.deadlines.rule.Trigger;
import io.duban.feed.EventSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 触发事件 as the API shows it; {@link #snapshot()} maps it to the feed's EVENT snapshot. */
public record EventDto(UUID id, String region, UUID assignmentId, Trigger trigger, LocalDate occurredOn, Instant occurredAt,
        String title, String recordedBy, Instant recordedAt) {

    /** The EVENT snapshot of the change feed, mapped field by field. */
    public EventSnapshot snapshot() {
        return new EventSnapshot(id, region, assignmentId, trigger.name(), occurredOn, occurredAt, title, recordedBy, recordedAt);
    }
}
