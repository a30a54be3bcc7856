package io.duban.task.proposal;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A recorded 答复 of one round ({@code issuer}: the letter's 落款, default the 主办 unit); {@code dueOn}: the round's due day when it was made; {@code onTime}: not after it. */
public record ReplyDto(UUID id, UUID proposalId, int round, String text, Terms.Outcome outcome, Terms.Consultation consultation,
        LocalDate consultedOn, String signer, String contactName, String contactPhone, String docNumber, String addressee,
        String cc, String issuer, String planText, LocalDate promisedOn, LocalDate repliedOn, LocalDate dueOn, boolean onTime,
        String recordedBy, Instant recordedAt) {

    static final String COLUMNS = "id, task_id, round, body, outcome, consultation, consulted_on, signer, contact_name, contact_phone, "
            + "doc_number, addressee, cc, issuer, plan_text, promised_on, replied_on, due_on, recorded_by, recorded_at";

    static ReplyDto from(Row r) {
        LocalDate replied = r.getLocalDate("replied_on");
        LocalDate due = r.getLocalDate("due_on");
        return new ReplyDto(r.getUUID("id"), r.getUUID("task_id"), r.getInteger("round"), r.getString("body"),
                Terms.Outcome.valueOf(r.getString("outcome")), Terms.Consultation.valueOf(r.getString("consultation")),
                r.getLocalDate("consulted_on"), r.getString("signer"), r.getString("contact_name"), r.getString("contact_phone"),
                r.getString("doc_number"), r.getString("addressee"), r.getString("cc"), r.getString("issuer"), r.getString("plan_text"),
                r.getLocalDate("promised_on"), replied, due, !replied.isAfter(due), r.getString("recorded_by"),
                r.getOffsetDateTime("recorded_at").toInstant());
    }
}
