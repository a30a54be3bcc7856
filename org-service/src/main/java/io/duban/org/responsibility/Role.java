package io.duban.org.responsibility;

/** A unit's role on a task: 牵头 (LEAD), 配合 (CO) or 负责/具体落实 (RESPONSIBLE). */
public enum Role {
    LEAD(3), RESPONSIBLE(2), CO(1);

    private final int strength;

    Role(int strength) {
        this.strength = strength;
    }

    /** When a unit is named twice it keeps its strongest role: 牵头 over 负责 over 配合. */
    public boolean strongerThan(Role other) {
        return strength > other.strength;
    }
}
