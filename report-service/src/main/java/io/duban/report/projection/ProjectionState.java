package io.duban.report.projection;

import java.time.OffsetDateTime;

/**
 * Where the projection stands: the feed cursor, how many changes it has applied, whether the
 * feed said more were waiting ({@code behind}), when it last synced and how long ago
 * ({@code lagSeconds}), and the last error (kept for the record after a later success).
 */
public record ProjectionState(String cursor, long appliedTotal, boolean behind, OffsetDateTime lastSuccessAt,
                              Long lagSeconds, String lastError, OffsetDateTime lastErrorAt) {
}
