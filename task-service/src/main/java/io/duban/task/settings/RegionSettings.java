package io.duban.task.settings;

import io.duban.feed.RegionSettingsSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A region's settings of the assignment's life: the 签收 window (working days from an assignment's
 * creation, on report-service's 工作日 calendar, which judges lateness) and 办结审核. Version 0 is the
 * defaults of a region that never saved settings.
 */
public record RegionSettings(String region, int ackWorkingDays, CompletionReview completionReview, long version) {

    public static final int DEFAULT_ACK_WORKING_DAYS = 3;

    public static RegionSettings defaults(String region) {
        return new RegionSettings(region, DEFAULT_ACK_WORKING_DAYS, CompletionReview.OFF, 0);
    }

    /** One settings entity per region: its feed id is derived from the region code. */
    public static UUID idOf(String region) {
        return UUID.nameUUIDFromBytes(("region-settings:" + region).getBytes(StandardCharsets.UTF_8));
    }

    public RegionSettingsSnapshot snapshot() {
        return new RegionSettingsSnapshot(idOf(region), region, ackWorkingDays, completionReview.name(), version);
    }
}
