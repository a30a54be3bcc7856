package io.duban.task.review;

import io.duban.feed.ReviewSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One 办结审核 decision on the completion reported by {@code reportId}; append-only. */
public record ReviewDto(UUID id, String region, UUID assignmentId, UUID reportId, ReviewDecision decision, String comment,
        LocalDate completedOn, String reviewedBy, Instant reviewedAt) {

    public ReviewSnapshot snapshot() {
        return new ReviewSnapshot(id, region, assignmentId, reportId, decision.name(), comment, completedOn, reviewedBy, reviewedAt);
    }
}
