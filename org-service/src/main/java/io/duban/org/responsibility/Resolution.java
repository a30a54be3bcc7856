package io.duban.org.responsibility;

import java.util.List;
import java.util.UUID;

/**
 * What a 责任单位 text says: the units with their roles, what could not be tied to a unit, and
 * bracketed annotations that name no unit ("（涉密信息除外）"), kept as notes for the task.
 */
public record Resolution(List<Assignment> assignments, List<Unresolved> unresolved, List<String> notes) {

    public Resolution(List<Assignment> assignments, List<Unresolved> unresolved) {
        this(assignments, unresolved, List.of());
    }

    /**
     * One unit's role on the task; {@code matchedText} is the part of the original text that named it,
     * {@code formerName} the unit's former name it matched (null when a current name or alias did).
     */
    public record Assignment(UUID unitId, String unitName, Role role, String matchedText, String formerName) {

        public Assignment(UUID unitId, String unitName, Role role, String matchedText) {
            this(unitId, unitName, role, matchedText, null);
        }
    }

    /** Text that names no unit: an unknown name (with suggestions) or a group nobody designated yet. */
    public record Unresolved(String text, Reason reason, List<String> suggestions) {
    }

    public enum Reason {
        /** Looks like a unit name but matches none of the region's units or aliases. */
        UNKNOWN_UNIT,
        /** 相关部门, 有关部门, …起草部门: names nobody; the supervisor must designate the units. */
        UNDESIGNATED_GROUP
    }
}
