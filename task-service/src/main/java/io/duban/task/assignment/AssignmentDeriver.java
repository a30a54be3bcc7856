package io.duban.task.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-derivation of a task's assignments after a correction: a unit that stays keeps its
 * assignment (and so its progress), possibly with a new role; a unit that goes is deactivated,
 * never deleted; a new unit gets a new assignment.
 */
public final class AssignmentDeriver {

    private AssignmentDeriver() {
    }

    /** What to write: new assignments and changed existing ones (each with its version bumped). */
    public record Plan(List<AssignmentDto> created, List<AssignmentDto> changed) {
        public boolean isEmpty() {
            return created.isEmpty() && changed.isEmpty();
        }
    }

    /** The first mention of a unit wins (牵头 listed first stays LEAD). */
    public static List<Responsibility> distinct(List<Responsibility> all) {
        Map<UUID, Responsibility> byUnit = new LinkedHashMap<>();
        for (Responsibility r : all) {
            byUnit.putIfAbsent(r.unitId(), r);
        }
        return new ArrayList<>(byUnit.values());
    }

    /**
     * What the text asks for, less what upheld disputes (申诉成立) took away and plus the units they designated in
     * its place: a correction re-reads the 责任单位 text, but the supervisor's decision on a dispute outlives it.
     * {@code withdrawnUnits}: units whose dispute of this task was upheld; {@code designatedUnits}: units named in
     * those decisions, kept in the role and name of their current assignment when the text does not name them.
     */
    public static List<Responsibility> afterUpheldDisputes(List<Responsibility> desired, java.util.Set<UUID> withdrawnUnits,
            java.util.Set<UUID> designatedUnits, List<AssignmentDto> existing) {
        List<Responsibility> out = new ArrayList<>();
        for (Responsibility r : distinct(desired)) {
            if (!withdrawnUnits.contains(r.unitId()) || designatedUnits.contains(r.unitId())) {
                out.add(r);
            }
        }
        for (AssignmentDto a : existing) {
            boolean named = out.stream().anyMatch(r -> r.unitId().equals(a.unitId()));
            if (a.active() && designatedUnits.contains(a.unitId()) && !named) {
                out.add(new Responsibility(a.unitId(), a.unitName(), a.role()));
            }
        }
        return out;
    }

    public static Plan reconcile(String region, UUID planId, UUID taskId, List<AssignmentDto> existing,
            List<Responsibility> desired) {
        Map<UUID, AssignmentDto> current = new LinkedHashMap<>();
        for (AssignmentDto a : existing) {
            AssignmentDto seen = current.get(a.unitId());
            // several rows for one unit can exist after role changes; prefer the active one
            if (seen == null || (!seen.active() && a.active())) {
                current.put(a.unitId(), a);
            }
        }
        List<AssignmentDto> created = new ArrayList<>();
        List<AssignmentDto> changed = new ArrayList<>();
        Map<UUID, Responsibility> wanted = new LinkedHashMap<>();
        for (Responsibility r : distinct(desired)) {
            wanted.put(r.unitId(), r);
        }
        for (Responsibility r : wanted.values()) {
            AssignmentDto a = current.get(r.unitId());
            if (a == null) {
                created.add(AssignmentDto.created(region, planId, taskId, r.unitId(), r.unitName(), r.role()));
            } else if (!a.active()) {
                changed.add(a.reactivated(r.role()));
            } else if (a.role() != r.role()) {
                changed.add(a.withRole(r.role()));
            }
        }
        for (AssignmentDto a : existing) {
            if (a.active() && !wanted.containsKey(a.unitId())) {
                changed.add(a.deactivated());
            } else if (a.active() && current.get(a.unitId()) != a) {
                changed.add(a.deactivated());
            }
        }
        return new Plan(created, changed);
    }
}
