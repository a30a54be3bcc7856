package io.duban.report.bulletin;

import io.duban.report.common.Ranks;
import io.duban.report.finding.Finding;
import io.duban.report.profile.RegionProfile;
import io.duban.report.query.ObligationView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the judged obligations of a quarter, the previous quarter's totals and the quarter's
 * findings into a 通报's content. Plain Java: the numbers are the ones the tests assert.
 */
public final class BulletinCalculator {

    private BulletinCalculator() {
    }

    /** The quarter's content; {@code rows} are obligations due in the quarter judged as of {@code asOf}. */
    public static BulletinContent compute(String region, Quarters q, LocalDate asOf, List<UUID> planIds, RegionProfile profile,
                                          List<ObligationView> rows, BulletinContent.Previous previous, List<Finding> findings) {
        return compute(region, q, asOf, planIds, profile, rows, previous, findings, Map.of());
    }

    /** With each unit's 退回次数 in the quarter ({@code returns}, by unit id): shown, not scored. */
    public static BulletinContent compute(String region, Quarters q, LocalDate asOf, List<UUID> planIds, RegionProfile profile,
                                          List<ObligationView> rows, BulletinContent.Previous previous, List<Finding> findings,
                                          Map<String, Long> returns) {
        BulletinContent.Totals overall = totals(rows);
        BulletinContent.Change change = change(overall, previous.totals());

        Map<String, List<ObligationView>> byUnit = new TreeMap<>();
        for (ObligationView o : rows) {
            byUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
        }
        List<BulletinContent.UnitRow> unsorted = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            BulletinContent.Totals t = totals(list);
            unsorted.add(new BulletinContent.UnitRow(0, unit, name(list), t.due(), t.onTime(), t.late(), t.overdue(),
                    t.pending(), t.onTimeRate(), returns.getOrDefault(unit, 0L)));
        });
        Comparator<BulletinContent.UnitRow> standing = Comparator
                .comparing(BulletinContent.UnitRow::onTimeRate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingLong(BulletinContent.UnitRow::overdue)
                .thenComparingLong(BulletinContent.UnitRow::late);
        unsorted.sort(standing.thenComparing(BulletinContent.UnitRow::unitName, Comparator.nullsLast(Comparator.naturalOrder())));
        List<Integer> ranks = Ranks.competition(unsorted, standing);
        List<BulletinContent.UnitRow> units = new ArrayList<>();
        for (int i = 0; i < unsorted.size(); i++) {
            BulletinContent.UnitRow u = unsorted.get(i);
            units.add(new BulletinContent.UnitRow(ranks.get(i), u.unitId(), u.unitName(), u.due(), u.onTime(), u.late(),
                    u.overdue(), u.pending(), u.onTimeRate(), u.returns()));
        }

        List<BulletinContent.LateItem> late = rows.stream()
                .filter(o -> o.status().equals("OVERDUE") || o.status().equals("DONE_LATE"))
                .sorted(Comparator.comparing((ObligationView o) -> o.status().equals("OVERDUE") ? 0 : 1)
                        .thenComparing(ObligationView::workdaysLate, Comparator.reverseOrder())
                        .thenComparing(ObligationView::dueOn)
                        .thenComparing(o -> o.taskSeq() == null ? Integer.MAX_VALUE : o.taskSeq())
                        .thenComparing(o -> o.unitName() == null ? "" : o.unitName()))
                .map(o -> new BulletinContent.LateItem(o.unitId(), o.unitName(), o.taskSeq(), o.requirement(), o.dueOn(),
                        o.status().equals("DONE_LATE") ? o.completedOn() : null, o.workdaysLate(), o.status()))
                .toList();

        Map<String, List<Finding>> findingsByUnit = new LinkedHashMap<>();
        findings.stream().filter(Finding::effective)
                // a correction with 0 points withdraws the finding it voids: nothing to report
                .filter(f -> !(f.voids() != null && f.points().signum() == 0))
                .sorted(Comparator.comparing(Finding::unitName).thenComparing(Finding::foundOn))
                .forEach(f -> findingsByUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f));
        List<BulletinContent.UnitFindings> unitFindings = new ArrayList<>();
        findingsByUnit.forEach((unit, list) -> unitFindings.add(new BulletinContent.UnitFindings(unit, list.get(0).unitName(),
                list.stream().map(Finding::points).reduce(BigDecimal.ZERO, BigDecimal::add),
                list.stream().map(f -> new BulletinContent.FindingItem(f.id(), f.foundOn(), f.source(), f.description(),
                        f.points(), f.rectificationLabel(asOf))).toList())));
        unitFindings.sort(Comparator.comparing(BulletinContent.UnitFindings::points).reversed()
                .thenComparing(BulletinContent.UnitFindings::unitName));

        List<BulletinContent.UnitRef> praised = units.stream()
                .filter(u -> u.due() > 0 && u.onTime() == u.due() && !hasFindings(findingsByUnit.get(u.unitId())))
                .sorted(Comparator.comparing(BulletinContent.UnitRow::unitName))
                .map(u -> new BulletinContent.UnitRef(u.unitId(), u.unitName())).toList();
        List<BulletinContent.Criticized> criticized = new ArrayList<>();
        byUnit.forEach((unit, list) -> {
            long overdue = list.stream().filter(o -> o.status().equals("OVERDUE")).count();
            if (overdue > 0) {
                int worst = list.stream().filter(o -> o.status().equals("OVERDUE")).mapToInt(ObligationView::workdaysLate)
                        .max().orElse(0);
                criticized.add(new BulletinContent.Criticized(unit, name(list), overdue, worst));
            }
        });
        criticized.sort(Comparator.comparingLong(BulletinContent.Criticized::overdue).reversed()
                .thenComparing(BulletinContent.Criticized::maxWorkdaysLate, Comparator.reverseOrder())
                .thenComparing(BulletinContent.Criticized::unitName));

        String title = profile.name() + q.year() + "年第" + io.duban.report.document.ChineseDates.number(q.quarter())
                + "季度政务公开重点工作落实情况通报";
        return new BulletinContent(title, region, q.year(), q.quarter(), q.first(), q.last(), asOf,
                planIds == null ? List.of() : List.copyOf(planIds), profile, overall, previous, change, units, late,
                unitFindings, praised, criticized);
    }

    public static BulletinContent.Totals totals(List<ObligationView> rows) {
        long onTime = 0;
        long late = 0;
        long overdue = 0;
        long pending = 0;
        for (ObligationView o : rows) {
            switch (o.status()) {
                case "DONE_ON_TIME" -> onTime++;
                case "DONE_LATE" -> late++;
                case "OVERDUE" -> overdue++;
                default -> pending++;
            }
        }
        return totals(onTime, late, overdue, pending);
    }

    public static BulletinContent.Totals totals(long onTime, long late, long overdue, long pending) {
        long judged = onTime + late + overdue;
        Double rate = judged == 0 ? null : Math.round(10000.0 * onTime / judged) / 10000.0;
        return new BulletinContent.Totals(onTime + late + overdue + pending, onTime, late, overdue, pending, rate);
    }

    static BulletinContent.Change change(BulletinContent.Totals now, BulletinContent.Totals before) {
        Double rate = now.onTimeRate() == null || before.onTimeRate() == null ? null
                : Math.round(10000.0 * (now.onTimeRate() - before.onTimeRate())) / 10000.0;
        return new BulletinContent.Change(now.due() - before.due(), now.onTime() - before.onTime(),
                now.late() - before.late(), now.overdue() - before.overdue(), rate);
    }

    private static boolean hasFindings(List<Finding> list) {
        return list != null && !list.isEmpty();
    }

    private static String name(List<ObligationView> list) {
        return list.stream().map(ObligationView::unitName).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElse(list.get(0).unitId());
    }
}
