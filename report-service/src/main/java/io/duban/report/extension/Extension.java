package io.duban.report.extension;

import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A granted extension (append-only): an approved request ({@code requestId}) or the supervisor's direct one.
 * It moves the obligation from {@code previousDueOn} to {@code dueOn}.
 */
public record Extension(UUID id, UUID obligationId, UUID taskId, String unitId, String unitName, UUID requestId,
                        LocalDate previousDueOn, LocalDate dueOn, String reason, String grantedBy, LocalDate grantedOn,
                        OffsetDateTime grantedAt) {

    static final String COLUMNS = "id, obligation_id, task_id, unit_id, unit_name, request_id, previous_due_on, due_on, reason,"
            + " granted_by, granted_on, granted_at";

    static Extension from(Row r) {
        return new Extension(r.getUUID("id"), r.getUUID("obligation_id"), r.getUUID("task_id"), r.getString("unit_id"),
                r.getString("unit_name"), r.getUUID("request_id"), r.getLocalDate("previous_due_on"), r.getLocalDate("due_on"),
                r.getString("reason"), r.getString("granted_by"), r.getLocalDate("granted_on"), r.getOffsetDateTime("granted_at"));
    }
}
