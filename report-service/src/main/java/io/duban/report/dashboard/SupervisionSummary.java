package io.duban.report.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The dashboard's 督办 part as of a day: open obligations by 红黄蓝灯 (in total and per unit with any
 * light), 延期申请 waiting for a decision, findings overdue for 整改 (open past their rectifyBy), and
 * 催办 not yet read by the unit; findings whose 整改 the unit has reported and the supervisor has not yet verified (待复核,
 * the count of {@code /findings?status=RECTIFIED}).
 */
public record SupervisionSummary(Map<String, Long> lights, List<UnitLights> lightsByUnit, long pendingExtensionRequests,
                                 long overdueFindings, long unreadUrges,
                                 long rectificationsToVerify) {

    /** A unit's open obligations by light; ranked by red, then yellow, then blue. */
    public record UnitLights(String unitId, String unitName, long red, long yellow, long blue) {
    }
}
