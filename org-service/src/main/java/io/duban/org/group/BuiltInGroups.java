package io.duban.org.group;

import io.duban.org.directory.KnownGroup;
import io.duban.org.directory.UnitKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The groups every region has (DESIGN.md "Responsibility"): the phrases the county's tables use for
 * "all towns", "all departments" and "everyone". Their members are the region's active units of
 * the given kinds, so they never need maintenance.
 */
public final class BuiltInGroups {

    public static final String TOWNS_ID = "builtin-towns";
    public static final String DEPARTMENTS_ID = "builtin-departments";
    public static final String ALL_ID = "builtin-all";

    /** A built-in group with its stable id. */
    public record BuiltIn(String id, KnownGroup group) {
    }

    public static final List<BuiltIn> ALL = List.of(
            new BuiltIn(TOWNS_ID, new KnownGroup("各镇（街道）",
                    List.of("各镇街道", "各镇街", "各镇办"),
                    EnumSet.of(UnitKind.TOWN, UnitKind.SUBDISTRICT), Set.of())),
            new BuiltIn(DEPARTMENTS_ID, new KnownGroup("各部门",
                    List.of("县直各部门（单位）", "县直各部门单位", "县直各部门", "县政府各部门", "县政府各部门（单位）",
                            "县直部门"),
                    EnumSet.of(UnitKind.DEPARTMENT), Set.of())),
            new BuiltIn(ALL_ID, new KnownGroup("各级各部门（单位）",
                    List.of("各级各部门单位", "各级各部门", "所有部门、单位", "各部门、单位"),
                    EnumSet.of(UnitKind.TOWN, UnitKind.SUBDISTRICT, UnitKind.ZONE, UnitKind.DEPARTMENT), Set.of())));

    private BuiltInGroups() {
    }

    public static List<KnownGroup> groups() {
        return ALL.stream().map(BuiltIn::group).toList();
    }
}
