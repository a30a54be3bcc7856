package io.duban.report.bulletin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.report.finding.Finding;
import io.duban.report.profile.RegionProfile;
import io.duban.report.query.ObligationView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BulletinCalculatorTest {

    static final RegionProfile PROFILE = new RegionProfile("沂源县", "沂源县人民政府办公室", "县大数据中心");
    static final LocalDate DUE = LocalDate.of(2023, 9, 6);

    static ObligationView o(String unit, String status, int late) {
        return new ObligationView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 17, "要求", unit, unit, "LEAD",
                "规则", DUE, status, late, false, status.startsWith("DONE") ? DUE.plusDays(late) : null, UUID.randomUUID());
    }

    static Finding finding(String unit, String points, UUID voids) {
        return new Finding(UUID.randomUUID(), unit, unit, DUE, "DAILY_CHECK", "问题", new BigDecimal(points), voids, null, "sup",
                null);
    }

    static BulletinContent compute(List<ObligationView> rows, List<Finding> findings) {
        return BulletinCalculator.compute("370323", new Quarters(2023, 3), LocalDate.of(2023, 9, 30), List.of(), PROFILE, rows,
                new BulletinContent.Previous(2023, 2, LocalDate.of(2023, 6, 30), BulletinCalculator.totals(List.of())), findings);
    }

    @Test
    void rateCountsOnlyWhatHasBeenJudgedAndPendingIsLeftOut() {
        BulletinContent.Totals t = BulletinCalculator.totals(List.of(o("甲", "DONE_ON_TIME", 0), o("甲", "DONE_LATE", 2),
                o("甲", "OVERDUE", 3), o("甲", "DUE_SOON", 0)));
        assertEquals(4, t.due());
        assertEquals(1, t.pending());
        assertEquals(0.3333, t.onTimeRate());
        assertNull(BulletinCalculator.totals(List.of(o("甲", "OPEN", 0))).onTimeRate());
    }

    @Test
    void unitsTieOnRateOverdueAndLateAndTheNextRankSkips() {
        List<ObligationView> rows = new ArrayList<>(List.of(o("丙", "DONE_ON_TIME", 0), o("乙", "DONE_ON_TIME", 0),
                o("甲", "OVERDUE", 4), o("丁", "DONE_LATE", 1), o("戊", "OPEN", 0)));
        BulletinContent c = compute(rows, List.of());
        assertEquals(List.of("丙", "乙", "丁", "甲", "戊"), c.units().stream().map(BulletinContent.UnitRow::unitName).toList());
        assertEquals(List.of(1, 1, 3, 4, 5), c.units().stream().map(BulletinContent.UnitRow::rank).toList());
    }

    @Test
    void praiseNeedsEveryObligationOnTimeAndNoFindingWhileAWithdrawnFindingDoesNotCount() {
        Finding wrong = finding("乙", "2", null);
        List<Finding> findings = List.of(finding("丙", "1", null), new Finding(wrong.id(), "乙", "乙", DUE, "DAILY_CHECK", "问题",
                wrong.points(), null, UUID.randomUUID(), "sup", null), finding("乙", "0", wrong.id()));
        BulletinContent c = compute(List.of(o("乙", "DONE_ON_TIME", 0), o("丙", "DONE_ON_TIME", 0), o("丁", "DONE_ON_TIME", 0),
                o("丁", "DUE_SOON", 0), o("甲", "OVERDUE", 2)), findings);
        assertEquals(List.of("乙"), c.praised().stream().map(BulletinContent.UnitRef::unitName).toList());
        assertEquals(List.of("丙"), c.findings().stream().map(BulletinContent.UnitFindings::unitName).toList());
        assertEquals(List.of("甲"), c.criticized().stream().map(BulletinContent.Criticized::unitName).toList());
    }
}
