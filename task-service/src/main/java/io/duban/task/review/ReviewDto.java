package io.duban.task.review;

import io.duban.feed.ReviewSnapshot;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One 办结审核 decision on the completion reported by {@code reportId}; append-only. */
public record ReviewDto(UUID id, String region, UUID assignmentId, UUID reportId, ReviewDecision decision, String comment,
        LocalDate completedOn, String reviewedBy, Instant reviewedAt) {

    static final String COLUMNS = "id, region, assignment_id, report_id, decision, comment, completed_on, reviewed_by, reviewed_at";

    static ReviewDto from(Row r) {
        return new ReviewDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), r.getUUID("report_id"),
                ReviewDecision.valueOf(r.getString("decision")), r.getString("comment"), r.getLocalDate("completed_on"),
                r.getString("reviewed_by"), r.getOffsetDateTime("reviewed_at").toInstant());
    }

    public ReviewSnapshot snapshot() {
        return new ReviewSnapshot(id, region, assignmentId, reportId, decision.name(), comment, completedOn, reviewedBy, reviewedAt);
    }
}
