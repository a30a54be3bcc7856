package io.duban.org.directory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A phrase that names a set of units: by kinds (各镇（街道） → TOWN + SUBDISTRICT) or by an explicit
 * member list. {@code allUnits} marks the group that "除X、Y外的部门、单位" subtracts from.
 */
public record KnownGroup(String name, List<String> aliases, Set<UnitKind> kinds, Set<UUID> memberIds) {
    public KnownGroup {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        memberIds = memberIds == null ? Set.of() : Set.copyOf(memberIds);
    }

    /** The group's members among {@code units}, in the given order. */
    public List<KnownUnit> members(List<KnownUnit> units) {
        return units.stream()
                .filter(u -> kinds.contains(u.kind()) || memberIds.contains(u.id()))
                .toList();
    }
}
