package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * 签收: append-only, one per assignment. {@code via} is ACKNOWLEDGEMENT (the unit signed for it) or
 * REPORT (its first progress report counted as signing); {@code acknowledgedOn} is the day in Asia/Shanghai.
 */
public record AcknowledgementSnapshot(UUID id, String region, UUID assignmentId, String unitId, String via,
        java.time.LocalDate acknowledgedOn, String acknowledgedBy, Instant acknowledgedAt) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.ACKNOWLEDGEMENT;
    }
}
