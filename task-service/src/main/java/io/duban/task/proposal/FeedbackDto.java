package io.duban.task.proposal;

import java.time.Instant;
import java.util.UUID;

/** A recorded 反馈表 of one round and how it came in (OFFICE or LINK). */
public record FeedbackDto(UUID id, UUID proposalId, int round, Terms.Satisfaction satisfaction, Terms.Relevance relevance,
        Terms.Consultation consultation, String opinion, java.time.LocalDate receivedOn, Terms.Via via, String recordedBy, Instant recordedAt) {
}
