package io.duban.task.event;

import io.duban.deadlines.rule.Trigger;
import io.duban.feed.EventSnapshot;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 触发事件 as the API shows it; {@link #snapshot()} maps it to the feed's EVENT snapshot. */
public record EventDto(UUID id, String region, UUID assignmentId, Trigger trigger, LocalDate occurredOn, Instant occurredAt,
        String title, String recordedBy, Instant recordedAt) {

    static final String COLUMNS = "id, region, assignment_id, trigger, occurred_on, occurred_at, title, recorded_by, recorded_at";

    static EventDto from(Row r) {
        OffsetDateTime at = r.getOffsetDateTime("occurred_at");
        return new EventDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), Trigger.valueOf(r.getString("trigger")),
                r.getLocalDate("occurred_on"), at == null ? null : at.toInstant(), r.getString("title"), r.getString("recorded_by"),
                r.getOffsetDateTime("recorded_at").toInstant());
    }

    /** The EVENT snapshot of the change feed, mapped field by field. */
    public EventSnapshot snapshot() {
        return new EventSnapshot(id, region, assignmentId, trigger.name(), occurredOn, occurredAt, title, recordedBy, recordedAt);
    }
}
