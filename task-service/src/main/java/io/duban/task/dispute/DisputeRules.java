package io.duban.task.dispute;

import io.duban.common.problem.FieldError;
import io.duban.common.web.Ids;
import io.duban.task.assignment.AssignmentDto;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * The rules of a 申诉 decision: a REJECT tells the unit why (the comment is required) and designates
 * nobody; an UPHOLD may name other units, never the disputing unit itself.
 */
public final class DisputeRules {

    private DisputeRules() {
    }

    /** A decision read: the designated units, parsed and de-duplicated, and what is wrong with it (empty when nothing). */
    public record Checked(List<UUID> designated, List<FieldError> errors) {
    }

    public static Checked check(DecisionRequest r, UUID disputingUnit) {
        List<FieldError> errors = new ArrayList<>();
        List<String> raw = r.designateUnitIds() == null ? List.of() : r.designateUnitIds();
        LinkedHashSet<UUID> units = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            UUID u = raw.get(i) == null ? null : Ids.parse(raw.get(i).trim());
            if (u == null) {
                errors.add(new FieldError("designateUnitIds[" + i + "]", "应为单位的 UUID"));
                continue;
            }
            if (u.equals(disputingUnit)) {
                errors.add(new FieldError("designateUnitIds[" + i + "]", "不能指定提出申诉的单位本身"));
            }
            units.add(u);
        }
        if (r.decision() == DecisionRequest.Decision.REJECT) {
            if (r.comment() == null || r.comment().isBlank()) {
                errors.add(new FieldError("comment", "驳回申诉时必须填写意见（将告知申诉单位）"));
            }
            if (!raw.isEmpty()) {
                errors.add(new FieldError("designateUnitIds", "驳回申诉时不能指定其他单位"));
            }
        }
        return new Checked(new ArrayList<>(units), errors);
    }

    /**
     * What an upheld dispute writes for the designated units: the withdrawn assignment's role goes to each
     * designated unit not already holding an active assignment of the task (an inactive one is reactivated).
     */
    public record Designation(List<AssignmentDto> created, List<AssignmentDto> changed) {
    }

    public static Designation designate(AssignmentDto withdrawn, List<AssignmentDto> ofTask, List<UnitName> units) {
        List<AssignmentDto> created = new ArrayList<>();
        List<AssignmentDto> changed = new ArrayList<>();
        for (UnitName u : units) {
            AssignmentDto active = null;
            AssignmentDto inactive = null;
            for (AssignmentDto a : ofTask) {
                if (a.unitId().equals(u.id()) && !a.id().equals(withdrawn.id())) {
                    if (a.active()) {
                        active = a;
                    } else {
                        inactive = a;
                    }
                }
            }
            if (active != null) {
                continue;
            }
            if (inactive != null) {
                changed.add(inactive.reactivated(withdrawn.role()));
            } else {
                created.add(AssignmentDto.created(withdrawn.region(), withdrawn.planId(), withdrawn.taskId(), u.id(), u.name(),
                        withdrawn.role()));
            }
        }
        return new Designation(created, changed);
    }

    /** A unit as org-service names it. */
    public record UnitName(UUID id, String name) {
    }
}
