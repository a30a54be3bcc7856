package io.duban.org.responsibility;

import io.duban.org.directory.KnownGroup;
import io.duban.org.directory.KnownUnit;
import io.duban.org.directory.NormalizedText;
import io.duban.org.responsibility.NameIndex.GroupTarget;
import io.duban.org.responsibility.NameIndex.Target;
import io.duban.org.responsibility.NameIndex.UnitTarget;
import io.duban.org.responsibility.Resolution.Assignment;
import io.duban.org.responsibility.Resolution.Reason;
import io.duban.org.responsibility.Resolution.Unresolved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one 责任单位 text against a {@link NameIndex}: separators 、,; split it into segments; role words (牵头, 配合,
 * 负责, 具体落实) close a run of segments and give it their role; inside a segment the longest known name wins, and
 * "和/及/与" splits only where every side is something known (so 县发展和改革委员会 stays one unit but
 * "…实施部门和…起草部门" is two groups). Without role words the first listed unit is 牵头 and the rest 配合; members
 * of a group are 负责. One reader per text: it keeps the items still waiting for a role word that may follow them.
 */
final class SegmentReader {

    /** Role words, longest first so 牵头负责 is not read as 负责. */
    private static final List<Map.Entry<String, Role>> MARKERS = List.of(
            Map.entry("按照职责分工负责", Role.RESPONSIBLE), Map.entry("按职责分工负责", Role.RESPONSIBLE),
            Map.entry("按职责分工落实", Role.RESPONSIBLE), Map.entry("按职责负责", Role.RESPONSIBLE),
            Map.entry("分工负责", Role.RESPONSIBLE), Map.entry("共同负责", Role.RESPONSIBLE),
            Map.entry("(牵头)", Role.LEAD), Map.entry("(配合)", Role.CO), Map.entry("(负责)", Role.RESPONSIBLE),
            Map.entry("牵头负责", Role.LEAD), Map.entry("具体落实", Role.RESPONSIBLE), Map.entry("具体负责", Role.RESPONSIBLE),
            Map.entry("分别负责", Role.RESPONSIBLE), Map.entry("负责落实", Role.RESPONSIBLE), Map.entry("协同配合", Role.CO),
            Map.entry("牵头", Role.LEAD), Map.entry("配合", Role.CO), Map.entry("协助", Role.CO), Map.entry("参与", Role.CO),
            Map.entry("负责", Role.RESPONSIBLE));

    private static final String SEPARATORS = "、,;:。/|";
    private static final String CONNECTORS = "和及与";
    private static final String TRIM = "\"'“”‘’《》「」<>·.";

    /** "除县司法局、县信访局外的部门、单位" (部门、单位 is already one phrase after normalisation). */
    private static final Pattern EXCLUSION = Pattern.compile(
            "除(.+?)(?:以)?外(?:的)?(?:其他|其余|所有|全部)?(各级各部门单位|各级各部门\\(单位\\)|各级各部门|各部门单位|部门单位|部门\\(单位\\)|各部门|部门|各单位|单位|各镇\\(街道\\)|镇\\(街道\\))");

    private static final List<String> UNDESIGNATED_ENDINGS = List.of("部门", "单位", "部门(单位)", "机构", "企业");
    private static final List<String> UNDESIGNATED_STARTS = List.of("相关", "有关", "其他", "其余", "涉及");

    /** One thing a piece of text names. */
    private sealed interface Item permits UnitItem, GroupItem, UnresolvedItem, NoteItem {
    }

    /** A bracketed annotation after a name that names no unit: "县文化和旅游局（涉密信息除外）". */
    private record NoteItem(String text) implements Item {
    }

    private record UnitItem(KnownUnit unit, String matched, String former) implements Item {
    }

    private record GroupItem(KnownGroup group, String matched, Set<UUID> excluded) implements Item {
    }

    private record UnresolvedItem(Unresolved entry) implements Item {
    }

    private final NameIndex index;
    private final NormalizedText nt;
    private final Map<Long, List<Item>> memo = new HashMap<>();
    private final List<Item> pending = new ArrayList<>();
    private final LinkedHashMap<UUID, Assignment> assignments = new LinkedHashMap<>();
    private final LinkedHashMap<String, Unresolved> unresolved = new LinkedHashMap<>();
    private final java.util.LinkedHashSet<String> notes = new java.util.LinkedHashSet<>();
    private boolean roleWordSeen;
    private final Integer year;

    SegmentReader(NameIndex index, NormalizedText nt, Integer year) {
        this.index = index;
        this.nt = nt;
        this.year = year;
    }

    private Target find(String key) {
        return index.find(key, year);
    }

    /** Reads the whole text: its segments, then what no role word closed. */
    Resolution read() {
        String s = nt.text();
        Matcher m = EXCLUSION.matcher(s);
        int at = 0;
        while (m.find()) {
            segments(at, m.start());
            pending.add(exclusion(m));
            at = m.end();
        }
        segments(at, s.length());
        // No role word closed these: the first listed unit 牵头, the rest 配合 — unless a role word
        // already spoke (then the leftovers are the 配合 of "X牵头，Y").
        boolean leadTaken = roleWordSeen;
        for (Item item : pending) {
            if (item instanceof UnitItem u) {
                assign(u.unit(), leadTaken ? Role.CO : Role.LEAD, u.matched(), u.former());
                leadTaken = true;
            } else {
                apply(item, Role.CO);
            }
        }
        pending.clear();
        return new Resolution(List.copyOf(assignments.values()), List.copyOf(unresolved.values()), List.copyOf(notes));
    }

    private void segments(int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || SEPARATORS.indexOf(nt.charAt(i)) >= 0) {
                segment(start, i);
                start = i + 1;
            }
        }
    }

    private void segment(int from, int to) {
        if (from < to && nt.charAt(from) == '由' && to - from > 1) {
            from++;
        }
        int start = from;
        int i = from;
        while (i < to) {
            Map.Entry<String, Role> marker = markerAt(i, to);
            if (marker == null) {
                i++;
                continue;
            }
            List<Item> named = piece(start, i);
            roleWordSeen = true;
            if (marker.getKey().startsWith("(")) {
                // "县财政局（牵头）" annotates the one name before it, not the whole run.
                named.forEach(item -> apply(item, marker.getValue()));
            } else {
                pending.addAll(named);
                for (Item item : pending) {
                    apply(item, marker.getValue());
                }
                pending.clear();
            }
            i += marker.getKey().length();
            start = i;
        }
        pending.addAll(piece(start, to));
    }

    private Map.Entry<String, Role> markerAt(int i, int to) {
        for (Map.Entry<String, Role> m : MARKERS) {
            String w = m.getKey();
            if (i + w.length() <= to && nt.text().startsWith(w, i)) {
                return m;
            }
        }
        return null;
    }

    private void apply(Item item, Role role) {
        if (item instanceof UnitItem u) {
            assign(u.unit(), role, u.matched(), u.former());
        } else if (item instanceof GroupItem g) {
            for (KnownUnit member : index.membersOf(g.group())) {
                if (!g.excluded().contains(member.id())) {
                    assign(member, Role.RESPONSIBLE, g.matched(), null);
                }
            }
        } else if (item instanceof UnresolvedItem r) {
            unresolved.putIfAbsent(r.entry().reason() + "\u0000" + r.entry().text(), r.entry());
        } else if (item instanceof NoteItem n) {
            notes.add(n.text());
        }
    }

    private void assign(KnownUnit unit, Role role, String matched, String formerName) {
        Assignment before = assignments.get(unit.id());
        if (before == null || role.strongerThan(before.role())) {
            assignments.put(unit.id(), new Assignment(unit.id(), unit.name(), role, matched, formerName));
        }
    }

    private Item exclusion(Matcher m) {
        String tail = m.group(2);
        KnownGroup group = tail.contains("镇") ? index.towns()
                : tail.contains("单位") || tail.contains("各级") ? index.allUnits() : index.departments();
        Set<UUID> excluded = new HashSet<>();
        List<Item> named = new ArrayList<>();
        int start = m.start(1);
        for (int i = m.start(1); i <= m.end(1); i++) {
            if (i == m.end(1) || SEPARATORS.indexOf(nt.charAt(i)) >= 0) {
                named.addAll(piece(start, i));
                start = i + 1;
            }
        }
        for (Item item : named) {
            if (item instanceof UnitItem u) {
                excluded.add(u.unit().id());
            } else if (item instanceof GroupItem g) {
                index.membersOf(g.group()).forEach(member -> excluded.add(member.id()));
            } else {
                apply(item, Role.CO);
            }
        }
        return new GroupItem(group, nt.original(m.start(), m.end()), excluded);
    }

    /** What the text between separators names, longest known name first. */
    private List<Item> piece(int from, int to) {
        while (from < to && TRIM.indexOf(nt.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && (TRIM.indexOf(nt.charAt(to - 1)) >= 0 || nt.charAt(to - 1) == '等')) {
            to--;
        }
        if (from >= to) {
            return List.of();
        }
        long memoKey = ((long) from << 32) | to;
        List<Item> cached = memo.get(memoKey);
        if (cached != null) {
            return cached;
        }
        List<Item> result = readPiece(from, to);
        memo.put(memoKey, result);
        return result;
    }

    private List<Item> readPiece(int from, int to) {
        String raw = nt.text().substring(from, to);
        String key = NormalizedText.stripCounty(raw);
        Target t = find(key);
        if (t != null) {
            return List.of(item(t, from, to));
        }
        List<Integer> connectors = new ArrayList<>();
        for (int i = from + 1; i < to - 1; i++) {
            if (CONNECTORS.indexOf(nt.charAt(i)) >= 0) {
                connectors.add(i);
            }
        }
        for (int c : connectors) {
            List<Item> left = piece(from, leftEnd(from, c));
            List<Item> right = piece(c + 1, to);
            if (!left.isEmpty() && !right.isEmpty() && allKnown(left) && allKnown(right)) {
                return concat(left, right);
            }
        }
        List<Item> cover = cover(from, to);
        if (cover != null) {
            return cover;
        }
        int etc = raw.indexOf('等');
        if (etc > 0) {
            List<Item> left = piece(from, from + etc);
            if (!left.isEmpty() && allKnown(left)) {
                List<Item> rest = new ArrayList<>(left);
                rest.add(undesignated(from + etc, to));
                return rest;
            }
        }
        if (isUndesignated(key)) {
            return List.of(undesignated(from, to));
        }
        for (int c : connectors) {
            List<Item> left = piece(from, leftEnd(from, c));
            List<Item> right = piece(c + 1, to);
            if (anyUnitOrGroup(left) || anyUnitOrGroup(right)) {
                return concat(left, right);
            }
        }
        List<Item> annotated = annotated(from, to);
        if (annotated != null) {
            return annotated;
        }
        String text = nt.original(from, to);
        return List.of(new UnresolvedItem(new Unresolved(text, Reason.UNKNOWN_UNIT, index.suggestionsFor(key))));
    }

    /**
     * "X（涉密信息除外）": a name followed by a bracketed remark that is no unit's name (a bracket that
     * completes a name, 县委政研室（改革办）, was matched before this is tried). Null when the piece is
     * not of that shape.
     */
    private List<Item> annotated(int from, int to) {
        if (nt.charAt(to - 1) != ')') {
            return null;
        }
        int open = nt.text().lastIndexOf('(', to - 1);
        if (open <= from || open + 1 >= to - 1) {
            return null;
        }
        String inner = nt.text().substring(open + 1, to - 1);
        if (find(NormalizedText.stripCounty(inner)) != null || isUndesignated(inner)) {
            return null;
        }
        List<Item> left = piece(from, open);
        if (left.isEmpty() || !anyUnitOrGroup(left)) {
            return null;
        }
        List<Item> out = new ArrayList<>(left);
        out.add(new NoteItem(nt.original(open + 1, to - 1)));
        return out;
    }

    private int leftEnd(int from, int connector) {
        // "以及": the 以 belongs to the connector, not to the name before it.
        return connector - 1 > from && nt.charAt(connector) == '及' && nt.charAt(connector - 1) == '以'
                ? connector - 1 : connector;
    }

    /** Names written one after another with nothing between them (a line break the table lost). */
    private List<Item> cover(int from, int to) {
        int n = to - from;
        int[] prev = new int[n + 1];
        java.util.Arrays.fill(prev, -1);
        prev[0] = 0;
        for (int i = 0; i < n; i++) {
            if (prev[i] < 0) {
                continue;
            }
            for (int len = Math.min(index.maxKeyLength(), n - i); len >= 2; len--) {
                if (prev[i + len] < 0 && find(nt.text().substring(from + i, from + i + len)) != null) {
                    prev[i + len] = i;
                }
            }
        }
        if (prev[n] < 0) {
            return null;
        }
        List<Item> items = new ArrayList<>();
        for (int end = n; end > 0; end = prev[end]) {
            int begin = prev[end];
            items.add(0, item(find(nt.text().substring(from + begin, from + end)), from + begin, from + end));
        }
        return items;
    }

    private Item item(Target t, int from, int to) {
        String matched = nt.original(from, to);
        if (t instanceof UnitTarget u) {
            return new UnitItem(u.unit(), matched, u.former());
        }
        return new GroupItem(((GroupTarget) t).group(), matched, Set.of());
    }

    private Item undesignated(int from, int to) {
        return new UnresolvedItem(new Unresolved(nt.original(from, to), Reason.UNDESIGNATED_GROUP, List.of()));
    }

    static boolean isUndesignated(String key) {
        for (String e : UNDESIGNATED_ENDINGS) {
            if (key.endsWith(e)) {
                return true;
            }
        }
        for (String s : UNDESIGNATED_STARTS) {
            if (key.startsWith(s) && key.length() > s.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean allKnown(List<Item> items) {
        for (Item i : items) {
            if (i instanceof UnresolvedItem r && r.entry().reason() == Reason.UNKNOWN_UNIT) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyUnitOrGroup(List<Item> items) {
        return items.stream().anyMatch(i -> i instanceof UnitItem || i instanceof GroupItem);
    }

    private static List<Item> concat(List<Item> a, List<Item> b) {
        List<Item> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
