package io.duban.task.orgclient;

import io.duban.task.assignment.Role;
import java.util.List;
import java.util.UUID;

/**
 * What org-service made of one 责任单位 cell, in task-service's own types: {@link OrgClient} maps
 * org-service's answer into it (and answers 503 when that answer is not one it can read), so the
 * domain classes never see the wire.
 */
public record Resolution(List<ResolvedUnit> assignments, List<Unresolved> unresolved) {

    public Resolution {
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        unresolved = unresolved == null ? List.of() : List.copyOf(unresolved);
    }

    /** Nothing resolved and nothing left over (a blank cell). */
    public static Resolution empty() {
        return new Resolution(List.of(), List.of());
    }

    /** A unit the text names, in the role the text gives it. */
    public record ResolvedUnit(UUID unitId, String unitName, Role role, String matchedText) {
    }

    /** Text that names no unit, with the closest known names. */
    public record Unresolved(String text, Reason reason, List<String> suggestions) {
        public Unresolved {
            suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        }
    }

    /** Why a text names no unit. */
    public enum Reason {
        /** Looks like a unit name but matches none of the region's units or aliases (also a reason this side does not know). */
        UNKNOWN_UNIT,
        /** 相关部门, 有关部门 …: names nobody until the supervisor designates the units. */
        UNDESIGNATED_GROUP;

        static Reason of(String wire) {
            return "UNDESIGNATED_GROUP".equals(wire) ? UNDESIGNATED_GROUP : UNKNOWN_UNIT;
        }
    }
}
