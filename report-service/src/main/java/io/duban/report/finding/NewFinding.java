package io.duban.report.finding;

import java.math.BigDecimal;

/**
 * The body of {@code POST /findings}; dates as YYYY-MM-DD, {@code voids} the id of the finding it corrects;
 * {@code rectifyBy} the 整改 deadline (default: the region's rectifyWorkingDays after foundOn),
 * {@code needsRectification} false for a commendation or a one-off deduction. No field constraints:
 * {@code FindingService} checks every field together, so one answer lists every field at fault.
 */
public record NewFinding(String unitId, String foundOn, String source, String description, BigDecimal points,
                         String voids, String rectifyBy, Boolean needsRectification) {

    public NewFinding(String unitId, String foundOn, String source, String description, BigDecimal points, String voids) {
        this(unitId, foundOn, source, description, points, voids, null, null);
    }
}
