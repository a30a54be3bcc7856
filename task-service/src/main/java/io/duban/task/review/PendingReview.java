package io.duban.task.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A completion waiting for 办结审核: the assignment (its version for If-Match) and the DONE report. */
public record PendingReview(UUID assignmentId, UUID planId, UUID taskId, UUID unitId, String unitName, long assignmentVersion,
        UUID reportId, LocalDate completedOn, String note, String reportedBy, Instant reportedAt, int returns) {
}
