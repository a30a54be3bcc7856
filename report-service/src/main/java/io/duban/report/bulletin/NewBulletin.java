package io.duban.report.bulletin;

import java.util.List;

/** The body of {@code POST /bulletins}: the quarter, optionally some plans and the day to judge as of. */
public record NewBulletin(Integer year, Integer quarter, List<String> planIds, String asOf) {
}
