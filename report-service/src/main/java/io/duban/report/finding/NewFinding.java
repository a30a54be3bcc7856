package io.duban.report.finding;

import java.math.BigDecimal;

/**
 * The body of {@code POST /findings}; dates as YYYY-MM-DD, {@code voids} the id of the finding it corrects. No field
 * constraints: {@code FindingService} checks every field together, so one answer lists every field at fault.
 */
public record NewFinding(String unitId, String foundOn, String source, String description, BigDecimal points,
                         String voids) {
}
