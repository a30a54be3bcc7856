package io.duban.report.bulletin;

import io.duban.report.profile.RegionProfile;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a quarterly 通报 says, computed once when the bulletin is created and stored as it is.
 * Definitions (also in the README): an obligation is "due in the quarter" when its due day falls
 * in it; it is judged as of {@code asOf} with the status rule of {@code ObligationStatus}; still
 * open but not yet late as of {@code asOf} (due on or after it) is {@code pending}.
 * {@code onTimeRate} = onTime ÷ (onTime + late + overdue), null when none of them.
 */
public record BulletinContent(String title, String region, int year, int quarter, LocalDate periodFrom, LocalDate periodTo,
                              LocalDate asOf, List<UUID> planIds, RegionProfile profile, Totals overall,
                              Previous previous, Change change, List<UnitRow> units, List<LateItem> lateItems,
                              List<UnitFindings> findings, List<UnitRef> praised, List<Criticized> criticized,
                              Supervision supervision) {

    public BulletinContent(String title, String region, int year, int quarter, LocalDate periodFrom, LocalDate periodTo,
                           LocalDate asOf, List<UUID> planIds, RegionProfile profile, Totals overall, Previous previous,
                           Change change, List<UnitRow> units, List<LateItem> lateItems, List<UnitFindings> findings,
                           List<UnitRef> praised, List<Criticized> criticized) {
        this(title, region, year, quarter, periodFrom, periodTo, asOf, planIds, profile, overall, previous, change, units,
                lateItems, findings, praised, criticized, null);
    }

    /** The same content with its 督办 part. */
    public BulletinContent withSupervision(Supervision s) {
        return new BulletinContent(title, region, year, quarter, periodFrom, periodTo, asOf, planIds, profile, overall, previous,
                change, units, lateItems, findings, praised, criticized, s);
    }

    /**
     * The 督办 part (issue 14; null in bulletins made before it): extensions granted in the quarter (by the day they
     * were granted), per unit; units urged (催办) more than {@code urgeThreshold} times in the quarter.
     */
    public record Supervision(List<UnitExtensions> extensions, List<UrgedUnit> urged, int urgeThreshold) {
    }

    /** A unit and how many times it was urged in the quarter. */
    public record UrgedUnit(String unitId, String unitName, long urges) {
    }

    /** A unit's extensions granted in the quarter. */
    public record UnitExtensions(String unitId, String unitName, List<ExtensionLine> items) {
    }

    /** One granted extension: the obligation's task, from which date to which, when and why. */
    public record ExtensionLine(Integer taskSeq, LocalDate previousDueOn, LocalDate dueOn, LocalDate grantedOn, String reason,
                                boolean requested) {
    }

    /** Counts over obligations due in a quarter. */
    public record Totals(long due, long onTime, long late, long overdue, long pending, Double onTimeRate) {
    }

    /** The previous quarter judged as of its own last day. */
    public record Previous(int year, int quarter, LocalDate asOf, Totals totals) {
    }

    /** This quarter minus the previous one; {@code onTimeRate} in fractions (0.05 = 5 个百分点), null when either is null. */
    public record Change(long due, long onTime, long late, long overdue, Double onTimeRate) {
    }

    /** A unit's LEAD/RESPONSIBLE obligations due in the quarter. Ranked by rate, then fewest overdue, then fewest late. */
    public record UnitRow(int rank, String unitId, String unitName, long due, long onTime, long late, long overdue,
                          long pending, Double onTimeRate, long returns) {
    }

    /** An obligation due in the quarter that was done late or is overdue and open as of asOf. */
    public record LateItem(String unitId, String unitName, Integer taskSeq, String requirement, LocalDate dueOn,
                           LocalDate completedOn, int workdaysLate, String status) {
    }

    /** A unit's findings of the quarter (those not voided) with their points. */
    public record UnitFindings(String unitId, String unitName, BigDecimal points, List<FindingItem> items) {
    }

    /** {@code rectification}: its 整改情况 as of the bulletin's asOf (null in bulletins made before issue 14). */
    public record FindingItem(UUID id, LocalDate foundOn, String source, String description, BigDecimal points,
                              String rectification) {

        public FindingItem(UUID id, LocalDate foundOn, String source, String description, BigDecimal points) {
            this(id, foundOn, source, description, points, null);
        }
    }

    public record UnitRef(String unitId, String unitName) {
    }

    public record Criticized(String unitId, String unitName, long overdue, int maxWorkdaysLate) {
    }
}
