package io.duban.task.report;

import io.duban.task.assignment.AssignmentStatus;
import io.duban.feed.ReportSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 进展报告 as the API shows it; {@code reviewRequired}: a DONE report made under 办结审核, a completion only once accepted;
 * {@link #snapshot()} maps it to the feed's REPORT snapshot.
 */
public record ReportDto(UUID id, String region, UUID assignmentId, AssignmentStatus status, String note,
        List<String> evidenceUrls, LocalDate completedOn, UUID eventId, String reportedBy, Instant reportedAt,
        boolean reviewRequired) {

    /** The REPORT snapshot of the change feed, mapped field by field. */
    public ReportSnapshot snapshot() {
        return new ReportSnapshot(id, region, assignmentId, status.name(), note, evidenceUrls, completedOn, eventId,
                reportedBy, reportedAt, reviewRequired);
    }
}
