package io.duban.report.projection;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where the projection stands: the feed cursor, how many changes it has applied, whether the
 * feed said more were waiting ({@code behind}), when it last synced and how long ago
 * ({@code lagSeconds}), the last error (kept for the record after a later success), and the
 * changes set aside because they could not be applied ({@code quarantined}; listed in
 * {@code quarantine} for operators only).
 */
public record ProjectionState(String cursor, long appliedTotal, boolean behind, OffsetDateTime lastSuccessAt,
                              Long lagSeconds, String lastError, OffsetDateTime lastErrorAt, long quarantined,
                              List<ProjectionQuarantine.QuarantinedChange> quarantine) {

    ProjectionState withQuarantine(long count, List<ProjectionQuarantine.QuarantinedChange> shown) {
        return new ProjectionState(cursor, appliedTotal, behind, lastSuccessAt, lagSeconds, lastError, lastErrorAt,
                count, shown);
    }
}
