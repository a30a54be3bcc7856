package io.duban.report.life;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An assignment not signed for (签收) by the last day of its window: {@code state} PENDING (still not signed
 * as of the day asked about) or LATE (signed, after {@code dueOn}).
 */
public record LateAcknowledgement(UUID assignmentId, UUID planId, UUID taskId, Integer taskSeq, String unitId, String unitName,
        String role, LocalDate createdOn, LocalDate dueOn, LocalDate acknowledgedOn, String state) {
}
