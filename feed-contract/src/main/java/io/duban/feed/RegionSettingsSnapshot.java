package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * A region's settings of the assignment's life: the 签收 window in working days from an assignment's
 * creation and whether completions are reviewed ({@code completionReview}: REQUIRED or OFF). The id is
 * derived from the region (one settings entity per region).
 */
public record RegionSettingsSnapshot(UUID id, String region, int ackWorkingDays, String completionReview, long version)
        implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.REGION_SETTINGS;
    }
}
