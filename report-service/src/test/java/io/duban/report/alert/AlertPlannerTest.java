package io.duban.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AlertPlannerTest {

    private static final LocalDate DAY = LocalDate.of(2023, 9, 20);
    private final AlertPlanner planner = new AlertPlanner(5);

    private static DueItem soon(String unit, int seq, String due, int left) {
        return new DueItem(UUID.randomUUID(), unit, "单位" + unit, seq, "要求" + seq, LocalDate.parse(due), "DUE_SOON", left, 0);
    }

    private static DueItem late(String unit, int seq, String due, int late) {
        return new DueItem(UUID.randomUUID(), unit, "单位" + unit, seq, "要求" + seq, LocalDate.parse(due), "OVERDUE", 0, late);
    }

    @Test
    void nothingDueNothingSent() {
        assertEquals(List.of(), planner.plan("370323", DAY, List.of()));
    }

    @Test
    void oneDigestPerUnitAndKindWithItsItemsByDueDate() {
        List<PlannedAlert> out = planner.plan("370323", DAY, List.of(
                soon("u-a", 3, "2023-09-22", 2), late("u-a", 17, "2023-09-06", 10), soon("u-a", 2, "2023-09-21", 1),
                late("u-b", 17, "2023-09-18", 2)));
        assertEquals(List.of("u-a DUE_SOON", "u-a OVERDUE", "u-a ESCALATION", "u-b OVERDUE"),
                out.stream().map(a -> a.unitId() + " " + a.kind()).toList());
        PlannedAlert soon = out.get(0);
        assertEquals(List.of(2, 3), soon.items().stream().map(AlertItem::taskSeq).toList());
        assertEquals(1, soon.items().get(0).workdaysLeft());
        assertNull(soon.items().get(0).workdaysLate());
        assertEquals(10, out.get(1).items().get(0).workdaysLate());
        assertNull(out.get(1).items().get(0).workdaysLeft());
        assertEquals("单位u-a", soon.unitName());
    }

    @Test
    void escalatesOnlyItemsOverdueMoreThanTheThreshold() {
        List<PlannedAlert> out = planner.plan("370323", DAY, List.of(late("u-a", 1, "2023-09-01", 5),
                late("u-a", 2, "2023-09-01", 6), late("u-b", 3, "2023-09-01", 5)));
        List<PlannedAlert> esc = out.stream().filter(a -> a.kind() == AlertKind.ESCALATION).toList();
        assertEquals(1, esc.size());
        assertEquals(List.of(2), esc.get(0).items().stream().map(AlertItem::taskSeq).toList());
    }

    @Test
    void idsAreStablePerRegionUnitDayAndKind() {
        UUID id = AlertPlanner.id("370323", "u-a", DAY, AlertKind.OVERDUE);
        assertEquals(id, AlertPlanner.id("370323", "u-a", DAY, AlertKind.OVERDUE));
        assertEquals(id, planner.plan("370323", DAY, List.of(late("u-a", 1, "2023-09-01", 1))).get(0).id());
        assertNotEquals(id, AlertPlanner.id("370323", "u-a", DAY, AlertKind.DUE_SOON));
        assertNotEquals(id, AlertPlanner.id("370323", "u-a", DAY.plusDays(1), AlertKind.OVERDUE));
        assertNotEquals(id, AlertPlanner.id("370324", "u-a", DAY, AlertKind.OVERDUE));
        assertNotEquals(id, AlertPlanner.id("370323", "u-b", DAY, AlertKind.OVERDUE));
    }

    @Test
    void obligationsWithoutAUnitAreLeftOut() {
        DueItem orphan = new DueItem(UUID.randomUUID(), null, null, 1, "x", DAY, "OVERDUE", 0, 9);
        assertTrue(planner.plan("370323", DAY, List.of(orphan)).isEmpty());
    }

    @Test
    void theAssignmentLifeDigestIsOnePerUnitWithItsLateAcknowledgementsAndLedgers() {
        AlertItem ack = new AlertItem(UUID.randomUUID(), 36, "签收：完善公开目录", LocalDate.parse("2023-08-15"), null, null);
        AlertItem ledger = new AlertItem(UUID.randomUUID(), null, "报送工作台账：2023年政务公开工作方案", LocalDate.parse("2023-08-16"), null, null);
        List<PlannedAlert> out = planner.planLife("370323", DAY, java.util.Map.of("u-b", "县商务局", "u-a", "县民政局"),
                java.util.Map.of("u-b", List.of(ack, ledger), "u-a", List.of(ledger), "u-c", List.of()));
        assertEquals(List.of("u-a", "u-b"), out.stream().map(PlannedAlert::unitId).toList());
        assertEquals(AlertKind.ASSIGNMENT_LIFE, out.get(1).kind());
        assertEquals("县商务局", out.get(1).unitName());
        assertEquals(2, out.get(1).items().size());
        assertNotEquals(AlertPlanner.id("370323", "u-b", DAY, AlertKind.OVERDUE), out.get(1).id());
    }
}
