package io.duban.report.finding;

import java.math.BigDecimal;

/** The body of {@code POST /findings}; dates as YYYY-MM-DD, {@code voids} the id of the finding it corrects. */
public record NewFinding(String unitId, String foundOn, String source, String description, BigDecimal points,
                         String voids) {
}
