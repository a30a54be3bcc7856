package io.duban.report.alert;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides a day's alerts from the obligations judged on it: per unit one 临期 digest (its DUE_SOON
 * items) and one 逾期 digest (its OVERDUE items), and per unit one 督办 escalation for the supervisor
 * with the items overdue more than {@code escalateAfter} working days. A unit with nothing due
 * gets nothing. Ids are name-based UUIDs of (region, unit, day, kind), so deciding the same day
 * twice yields the same alerts.
 */
public final class AlertPlanner {

    private static final Comparator<DueItem> ORDER = Comparator.comparing(DueItem::dueOn)
            .thenComparing(DueItem::taskSeq, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(d -> d.obligationId().toString());

    private final int escalateAfter;

    public AlertPlanner(int escalateAfter) {
        this.escalateAfter = escalateAfter;
    }

    public List<PlannedAlert> plan(String region, LocalDate date, List<DueItem> judged) {
        Map<String, List<DueItem>> byUnit = new LinkedHashMap<>();
        judged.stream().filter(d -> d.unitId() != null && !d.unitId().isBlank())
                .sorted(Comparator.comparing(DueItem::unitId).thenComparing(ORDER))
                .forEach(d -> byUnit.computeIfAbsent(d.unitId(), k -> new ArrayList<>()).add(d));
        List<PlannedAlert> out = new ArrayList<>();
        byUnit.forEach((unit, items) -> {
            String name = items.get(0).unitName();
            add(out, region, date, unit, name, AlertKind.DUE_SOON,
                    items.stream().filter(d -> "DUE_SOON".equals(d.status())).toList());
            List<DueItem> overdue = items.stream().filter(d -> "OVERDUE".equals(d.status())).toList();
            add(out, region, date, unit, name, AlertKind.OVERDUE, overdue);
            add(out, region, date, unit, name, AlertKind.ESCALATION,
                    overdue.stream().filter(d -> d.workdaysLate() > escalateAfter).toList());
        });
        return out;
    }

    /**
     * The 签收与台账 alerts of a day: one per unit listing its assignments still not signed for past the window
     * and its 工作台账 not submitted by the plan's due day ({@code items} keyed by unit id, names alongside).
     */
    public List<PlannedAlert> planLife(String region, LocalDate date, Map<String, String> unitNames,
                                       Map<String, List<AlertItem>> items) {
        return perUnit(region, date, AlertKind.ASSIGNMENT_LIFE, unitNames, items);
    }

    /** The 整改逾期 alerts of a day: one per unit listing its findings still open past their rectifyBy. */
    public List<PlannedAlert> planRectification(String region, LocalDate date, Map<String, String> unitNames,
                                                Map<String, List<AlertItem>> items) {
        return perUnit(region, date, AlertKind.RECTIFICATION, unitNames, items);
    }

    private static List<PlannedAlert> perUnit(String region, LocalDate date, AlertKind kind, Map<String, String> unitNames,
                                              Map<String, List<AlertItem>> items) {
        List<PlannedAlert> out = new ArrayList<>();
        new java.util.TreeMap<>(items).forEach((unit, list) -> {
            if (unit != null && !unit.isBlank() && !list.isEmpty()) {
                out.add(new PlannedAlert(id(region, unit, date, kind), region, date, unit, unitNames.get(unit), kind, list));
            }
        });
        return out;
    }

    private static void add(List<PlannedAlert> out, String region, LocalDate date, String unit, String name,
                            AlertKind kind, List<DueItem> items) {
        if (!items.isEmpty()) {
            out.add(new PlannedAlert(id(region, unit, date, kind), region, date, unit, name, kind,
                    items.stream().map(DueItem::toItem).toList()));
        }
    }

    /** The stable id of a unit's alert of a kind on a day. */
    public static UUID id(String region, String unitId, LocalDate date, AlertKind kind) {
        return UUID.nameUUIDFromBytes(("alert|" + region + "|" + unitId + "|" + date + "|" + kind)
                .getBytes(StandardCharsets.UTF_8));
    }
}
