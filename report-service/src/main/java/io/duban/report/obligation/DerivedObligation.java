package io.duban.report.obligation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One 应办事项 as derived from the facts. {@code key} identifies it stably within its region
 * (assignment + what dated it), so re-derivation updates rather than replaces it.
 */
public record DerivedObligation(
        String key,
        UUID assignmentId,
        String unitId,
        String unitName,
        String role,
        Kind kind,
        UUID eventId,
        LocalDate anchorOn,
        LocalDateTime anchorAt,
        Integer periodAmount,
        String periodUnit,
        LocalDate dueOn,
        LocalDateTime dueAt,
        boolean provisional,
        LocalDate completedOn,
        LocalDate pendingReviewOn,
        String ruleText) {

    /** The rule kind that dated the obligation. */
    public enum Kind { FIXED, RELATIVE, RECURRING }

    /** The id an obligation keeps for ever: a name-based UUID of its region and key. */
    public static UUID idFor(String region, String key) {
        return UUID.nameUUIDFromBytes((region + "/" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
