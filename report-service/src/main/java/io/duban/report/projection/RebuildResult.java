package io.duban.report.projection;

import java.util.List;

/**
 * What a projection rebuild replayed: the sync outcome and, per region, what the projection holds
 * afterwards (so an operator sees at once that no county came back empty).
 */
public record RebuildResult(ProjectionFollower.Outcome outcome, int applied, String cursor, boolean hasMore,
                            List<RegionCount> regions) {

    /** One region's projection after the replay. */
    public record RegionCount(String region, long plans, long tasks, long assignments, long obligations) {
    }
}
