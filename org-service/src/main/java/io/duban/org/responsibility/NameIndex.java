package io.duban.org.responsibility;

import io.duban.org.directory.FormerName;
import io.duban.org.directory.KnownGroup;
import io.duban.org.directory.KnownUnit;
import io.duban.org.directory.NormalizedText;
import io.duban.org.directory.UnitKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One region's known names, by their normalised key ({@link NormalizedText#key}): units' names and aliases, groups'
 * names and aliases, units' former names (matched only for plans of a year when they were used), and each name also
 * without 和 (县住房和城乡建设局 / 县住房城乡建设局) where that spelling is not ambiguous. Built once per region;
 * read-only afterwards, so readers on several threads share it.
 */
final class NameIndex {

    /** What a name stands for. */
    sealed interface Target permits UnitTarget, GroupTarget {
    }

    /** {@code former}: the former name that matched, or null. */
    record UnitTarget(KnownUnit unit, String former) implements Target {
    }

    record GroupTarget(KnownGroup group) implements Target {
    }

    /** A former name of a unit, matched only for plans of a year when it was used. */
    private record Former(KnownUnit unit, FormerName name) {
    }

    private final List<KnownUnit> units;
    private final Map<String, Target> exact = new HashMap<>();
    private final Map<String, List<Former>> former = new HashMap<>();
    private final Map<String, Target> withoutHe = new HashMap<>();
    private final Set<String> ambiguousWithoutHe = new HashSet<>();
    private final Suggestions suggestions = new Suggestions();
    private final int maxKeyLength;
    private final KnownGroup allUnits;
    private final KnownGroup departments;
    private final KnownGroup towns;
    private final Map<KnownGroup, List<KnownUnit>> members = new java.util.IdentityHashMap<>();

    NameIndex(List<KnownUnit> units, List<KnownGroup> groups) {
        this.units = List.copyOf(units);
        int max = 0;
        // Units first: a unit's own name beats a group alias that happens to be spelled the same.
        for (KnownUnit u : this.units) {
            for (String name : names(u.name(), u.aliases())) {
                max = Math.max(max, register(name, new UnitTarget(u, null)));
                suggestions.add(NormalizedText.key(name), u.name());
            }
        }
        for (KnownGroup g : groups) {
            for (String name : names(g.name(), g.aliases())) {
                max = Math.max(max, register(name, new GroupTarget(g)));
                suggestions.add(NormalizedText.key(name), g.name());
            }
        }
        for (KnownUnit u : this.units) {
            for (FormerName f : u.formerNames()) {
                String key = NormalizedText.key(f.name());
                if (!key.isEmpty() && !exact.containsKey(key)) {
                    // a current name or alias always wins over a name some unit used to have
                    former.computeIfAbsent(key, k -> new ArrayList<>()).add(new Former(u, f));
                    max = Math.max(max, key.length());
                }
            }
        }
        this.maxKeyLength = max;
        this.allUnits = groupFor("所有部门单位", EnumSet.of(UnitKind.TOWN, UnitKind.SUBDISTRICT, UnitKind.ZONE, UnitKind.DEPARTMENT));
        this.departments = groupFor("各部门", EnumSet.of(UnitKind.DEPARTMENT));
        this.towns = groupFor("各镇(街道)", EnumSet.of(UnitKind.TOWN, UnitKind.SUBDISTRICT));
    }

    /** A current name or alias, else (when {@code year} is given) a former name used in that year; null when none. */
    Target find(String key, Integer year) {
        Target t = lookup(key);
        if (t != null || year == null) {
            return t;
        }
        for (Former f : former.getOrDefault(key, List.of())) {
            if (f.name().usedIn(year)) {
                return new UnitTarget(f.unit(), f.name().name());
            }
        }
        return null;
    }

    /** The longest key, so a reader never tries a longer run of characters as a name. */
    int maxKeyLength() {
        return maxKeyLength;
    }

    /** The known names closest to an unknown one ({@link Suggestions}). */
    List<String> suggestionsFor(String key) {
        return suggestions.closestTo(key);
    }

    /** 所有部门单位 (towns, subdistricts, zones and departments unless the region defines the group). */
    KnownGroup allUnits() {
        return allUnits;
    }

    /** 各部门. */
    KnownGroup departments() {
        return departments;
    }

    /** 各镇(街道). */
    KnownGroup towns() {
        return towns;
    }

    List<KnownUnit> membersOf(KnownGroup g) {
        synchronized (members) {
            return members.computeIfAbsent(g, x -> x.members(units));
        }
    }

    private Target lookup(String key) {
        Target t = exact.get(key);
        if (t == null && key.indexOf('和') >= 0) {
            // Official names come with and without 和 (县住房和城乡建设局 / 县住房城乡建设局).
            t = withoutHe.get(key.replace("和", ""));
        }
        return t;
    }

    private int register(String name, Target target) {
        String key = NormalizedText.key(name);
        if (key.isEmpty()) {
            return 0;
        }
        exact.putIfAbsent(key, target);
        String bare = key.replace("和", "");
        if (!ambiguousWithoutHe.contains(bare)) {
            Target before = withoutHe.putIfAbsent(bare, target);
            if (before != null && !sameTarget(before, target)) {
                withoutHe.remove(bare);
                ambiguousWithoutHe.add(bare);
            }
        }
        return key.length();
    }

    private static boolean sameTarget(Target a, Target b) {
        if (a instanceof UnitTarget ua && b instanceof UnitTarget ub) {
            return ua.unit().id().equals(ub.unit().id());
        }
        return a.equals(b);
    }

    private KnownGroup groupFor(String phrase, Set<UnitKind> fallbackKinds) {
        Target t = exact.get(NormalizedText.key(phrase));
        if (t instanceof GroupTarget g) {
            return g.group();
        }
        return new KnownGroup(phrase, List.of(), fallbackKinds, Set.of());
    }

    private static List<String> names(String name, List<String> aliases) {
        List<String> all = new ArrayList<>();
        all.add(name);
        all.addAll(aliases);
        return all;
    }
}
