package io.duban.task.acknowledgement;

import io.duban.feed.AcknowledgementSnapshot;
import io.duban.task.assignment.AssignmentDto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 签收 of one assignment: by the unit ({@link #VIA_ACKNOWLEDGEMENT}) or by its first progress report ({@link #VIA_REPORT}). */
public record AcknowledgementDto(UUID id, String region, UUID assignmentId, UUID unitId, String via, LocalDate acknowledgedOn,
        String acknowledgedBy, Instant acknowledgedAt) {

    public static final String VIA_ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";
    public static final String VIA_REPORT = "REPORT";

    /** The acknowledgement of {@code signed} (the assignment as updated, its acknowledgedOn set). */
    public static AcknowledgementDto of(AssignmentDto signed, String via, String who, Instant at) {
        return new AcknowledgementDto(UUID.randomUUID(), signed.region(), signed.id(), signed.unitId(), via, signed.acknowledgedOn(),
                who, at);
    }

    public AcknowledgementSnapshot snapshot() {
        return new AcknowledgementSnapshot(id, region, assignmentId, unitId.toString(), via, acknowledgedOn, acknowledgedBy,
                acknowledgedAt);
    }
}
