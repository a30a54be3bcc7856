package io.duban.task.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded 答复 of one round ({@code issuer}: the letter's 落款, default the 主办 unit); {@code dueOn}: the round's due day
 * when it was made; {@code onTime}: not after it; {@code followUpTaskId}: for B, the task that holds the 主办 units to
 * {@code promisedOn}.
 */
public record ReplyDto(UUID id, UUID proposalId, int round, String text, Terms.Outcome outcome, Terms.Consultation consultation,
        LocalDate consultedOn, String signer, String contactName, String contactPhone, String docNumber, String addressee,
        String cc, String issuer, String planText, LocalDate promisedOn, LocalDate repliedOn, LocalDate dueOn, boolean onTime,
        String recordedBy, Instant recordedAt, UUID followUpTaskId) {
}
