package io.duban.report.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert in the outbox with its delivery state: {@code status} PENDING (waiting or retrying),
 * SENT or FAILED; {@code channel} is where the last attempt went (default, supervisor, unit:&lt;id&gt;).
 */
public record AlertView(UUID id, LocalDate date, String unitId, String unitName, AlertKind kind, String status,
                        int attempts, String channel, String format, String lastError, OffsetDateTime createdAt,
                        OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
                        List<AlertItem> items) {

    /** The same alert without {@code lastError} (for unit and viewer tokens). */
    public AlertView withoutError() {
        return new AlertView(id, date, unitId, unitName, kind, status, attempts, channel, format, null, createdAt,
                lastAttemptAt, nextAttemptAt, sentAt, items);
    }
}
