package io.duban.task.proposal;

import java.time.Instant;
import java.util.UUID;

/** A recorded 提案质量评议表; {@code total} out of 100. */
public record EvaluationDto(UUID id, UUID proposalId, int topic, int analysis, int feasibility, int expression, int total,
        boolean excellent, String comment, String recordedBy, Instant recordedAt) {
}
