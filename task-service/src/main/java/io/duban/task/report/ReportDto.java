package io.duban.task.report;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.common.Json;
import io.duban.feed.ReportSnapshot;
import io.vertx.mutiny.sqlclient.Row;
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

    static final String COLUMNS = "id, region, assignment_id, status, note, evidence_urls::text as evidence_urls, completed_on, "
            + "event_id, reported_by, reported_at, review_required";

    static ReportDto from(Row r) {
        return new ReportDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"),
                AssignmentStatus.valueOf(r.getString("status")), r.getString("note"),
                Json.read(r.getString("evidence_urls"), new TypeReference<List<String>>() { }), r.getLocalDate("completed_on"),
                r.getUUID("event_id"), r.getString("reported_by"), r.getOffsetDateTime("reported_at").toInstant(),
                r.getBoolean("review_required"));
    }

    /** The REPORT snapshot of the change feed, mapped field by field. */
    public ReportSnapshot snapshot() {
        return new ReportSnapshot(id, region, assignmentId, status.name(), note, evidenceUrls, completedOn, eventId,
                reportedBy, reportedAt, reviewRequired);
    }
}
