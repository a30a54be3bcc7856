package io.duban.console.plan;

import io.duban.console.api.ReportModels.Obligation;
import io.duban.console.api.TaskModels.Assignment;
import io.duban.console.api.TaskModels.Task;
import io.duban.deadlines.rule.DeadlineRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plan as its table: each task row with its rule in words and, per responsible unit, its role,
 * the status the unit reported and the judged due date and status of its current obligation (the
 * earliest still open, else the last one done). Built from task-service's tasks and assignments and
 * report-service's obligations.
 */
public final class PlanTable {

    private static final Set<String> OPEN = Set.of("OVERDUE", "DUE_SOON", "OPEN");
    private static final Map<String, Integer> ROLE_ORDER = Map.of("LEAD", 0, "RESPONSIBLE", 1, "CO", 2);

    /** One responsible unit of a row. */
    public record UnitLine(String unitId, String unitName, String role, String reported, LocalDate dueOn,
                           String status, int workdaysLate, int obligations) {
    }

    /** One row of the table. */
    public record Row(Task task, String categoryPath, String ruleWords, List<UnitLine> units) {
    }

    private PlanTable() {
    }

    public static List<Row> rows(List<Task> tasks, List<Assignment> assignments, List<Obligation> obligations) {
        Map<String, List<Assignment>> byTask = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            if (a.active()) {
                byTask.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, List<Obligation>> byAssignment = new LinkedHashMap<>();
        for (Obligation o : obligations) {
            byAssignment.computeIfAbsent(o.assignmentId(), k -> new ArrayList<>()).add(o);
        }
        List<Row> rows = new ArrayList<>();
        for (Task t : tasks) {
            List<UnitLine> units = new ArrayList<>();
            List<Assignment> as = new ArrayList<>(byTask.getOrDefault(t.id(), List.of()));
            as.sort(Comparator.comparing((Assignment a) -> ROLE_ORDER.getOrDefault(a.role(), 9)).thenComparing(Assignment::unitName));
            for (Assignment a : as) {
                List<Obligation> os = byAssignment.getOrDefault(a.id(), List.of());
                Obligation current = currentOf(os);
                units.add(new UnitLine(a.unitId(), a.unitName(), a.role(), a.status(),
                        current == null ? null : current.dueOn(), current == null ? null : current.status(),
                        current == null ? 0 : current.workdaysLate(), os.size()));
            }
            String path = t.category() == null ? "" : String.join(" › ", t.category().stream().filter(c -> c != null && !c.isBlank()).toList());
            rows.add(new Row(t, path, ruleWords(t), units));
        }
        return rows;
    }

    static Obligation currentOf(List<Obligation> os) {
        Obligation firstOpen = os.stream().filter(o -> OPEN.contains(o.status()) && o.dueOn() != null)
                .min(Comparator.comparing(Obligation::dueOn)).orElse(null);
        if (firstOpen != null) {
            return firstOpen;
        }
        return os.stream().filter(o -> o.dueOn() != null).max(Comparator.comparing(Obligation::dueOn)).orElse(null);
    }

    /** The parsed 时限 in words, as the deadlines library describes it. */
    public static String ruleWords(Task t) {
        if (t.deadline() == null || t.deadline().isNull()) {
            return "";
        }
        try {
            return DeadlineRules.fromJson(t.deadline().toString()).describe();
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
