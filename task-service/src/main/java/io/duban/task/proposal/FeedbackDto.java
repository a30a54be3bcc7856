package io.duban.task.proposal;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** A recorded 反馈表 of one round and how it came in (OFFICE or LINK). */
public record FeedbackDto(UUID id, UUID proposalId, int round, Terms.Satisfaction satisfaction, Terms.Relevance relevance,
        Terms.Consultation consultation, String opinion, java.time.LocalDate receivedOn, Terms.Via via, String recordedBy, Instant recordedAt) {

    static final String COLUMNS = "id, task_id, round, satisfaction, relevance, consultation, opinion, received_on, via, recorded_by, recorded_at";

    static FeedbackDto from(Row r) {
        return new FeedbackDto(r.getUUID("id"), r.getUUID("task_id"), r.getInteger("round"),
                Terms.Satisfaction.valueOf(r.getString("satisfaction")), Terms.Relevance.valueOf(r.getString("relevance")),
                Terms.Consultation.valueOf(r.getString("consultation")), r.getString("opinion"), r.getLocalDate("received_on"), Terms.Via.valueOf(r.getString("via")),
                r.getString("recorded_by"), r.getOffsetDateTime("recorded_at").toInstant());
    }
}
