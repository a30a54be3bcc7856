package io.duban.report.bulletin;

import java.util.List;

/**
 * The body of {@code POST /bulletins}: the quarter, optionally some plans and the day to judge as of. No field
 * constraints: {@code BulletinService} checks year, quarter, plan ids and asOf together, so one answer lists every
 * field at fault (a constraint here would answer before the others were looked at).
 */
public record NewBulletin(Integer year, Integer quarter, List<String> planIds, String asOf) {
}
