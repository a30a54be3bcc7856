package io.duban.report.extension;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * 延期申请: a unit asks to move one obligation's due date ({@code dueOn} was in force when it asked);
 * decided once by the supervisor, with who, when and why. {@code version} is its ETag.
 */
public record ExtensionRequest(UUID id, UUID obligationId, UUID taskId, String unitId, String unitName, LocalDate dueOn,
                               LocalDate requestedDueOn, String reason, String requestedBy, OffsetDateTime requestedAt,
                               String status, long version, String decidedBy, OffsetDateTime decidedAt, String comment,
                               LocalDate approvedDueOn) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    static final String COLUMNS = "id, obligation_id, task_id, unit_id, unit_name, due_on, requested_due_on, reason,"
            + " requested_by, requested_at, status, version, decided_by, decided_at, decision_comment, approved_due_on";

    static ExtensionRequest from(Row r) {
        return new ExtensionRequest(r.getUUID("id"), r.getUUID("obligation_id"), r.getUUID("task_id"), r.getString("unit_id"),
                r.getString("unit_name"), r.getLocalDate("due_on"), r.getLocalDate("requested_due_on"), r.getString("reason"),
                r.getString("requested_by"), r.getOffsetDateTime("requested_at"), r.getString("status"), r.getLong("version"),
                r.getString("decided_by"), r.getOffsetDateTime("decided_at"), r.getString("decision_comment"),
                r.getLocalDate("approved_due_on"));
    }
}
