package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 进展报告: append-only; {@code status} is the assignment's status it reported. {@code reviewRequired}: a DONE
 * report made while the region reviews completions; it counts as a completion only once a REVIEW accepts it.
 */
public record ReportSnapshot(UUID id, String region, UUID assignmentId, String status, String note,
        List<String> evidenceUrls, LocalDate completedOn, UUID eventId, String reportedBy, Instant reportedAt,
        boolean reviewRequired)
        implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.REPORT;
    }
}
