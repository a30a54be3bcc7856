package io.duban.org.unit;

import io.duban.org.directory.UnitKind;
import io.duban.common.problem.FieldError;
import io.duban.org.directory.UnitNames;
import io.duban.org.unit.UnitTable.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides what an import file does to a region's units: upsert by name, all or nothing. A name or
 * alias that another unit already answers to is an error (the resolver could not tell them apart),
 * as is a parent nobody is called, or a parent chain that runs in a circle. Re-importing the same
 * file finds every row unchanged. Plain logic; the service applies the outcome in one transaction.
 */
public final class UnitImportPlan {

    /** A unit already in the region, as the plan needs it. */
    public record Existing(UUID id, String name, UnitKind kind, List<String> aliases, UUID parentId, boolean active) {
    }

    /** A row to write: a new unit ({@code create}) or new values for an existing one. */
    public record Change(UUID id, Row row, UUID parentId, boolean create) {
    }

    public record Outcome(List<Change> creates, List<Change> updates, int unchanged, List<FieldError> errors) {
    }

    private UnitImportPlan() {
    }

    public static Outcome plan(List<Existing> existing, List<Row> rows, Supplier<UUID> newIds) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Existing> byExactName = new HashMap<>();
        Map<String, Existing> byKey = new HashMap<>();
        for (Existing e : existing) {
            byExactName.put(e.name(), e);
            byKey.putIfAbsent(UnitNames.key(e.name()), e);
        }

        // Which unit each row is: an existing one (same name) or a new id.
        Map<String, Integer> rowByKey = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        List<Existing> matches = new ArrayList<>();
        for (Row r : rows) {
            String key = UnitNames.key(r.name());
            Integer first = rowByKey.putIfAbsent(key, r.line());
            if (first != null) {
                errors.add(line(r, "单位名称重复：" + r.name() + "（第 " + first + " 行已有同名单位）"));
            }
            Existing e = byExactName.get(r.name());
            if (e == null) {
                e = byKey.get(key);
            }
            matches.add(e);
            ids.add(e != null ? e.id() : newIds.get());
        }
        Set<UUID> inFile = new HashSet<>(ids);

        // Every name and alias answers to exactly one unit.
        Map<String, UUID> owner = new HashMap<>();
        Map<UUID, String> nameOf = new HashMap<>();
        for (Existing e : existing) {
            nameOf.put(e.id(), e.name());
            if (!inFile.contains(e.id())) {
                owner.putIfAbsent(UnitNames.key(e.name()), e.id());
                for (String a : e.aliases()) {
                    owner.putIfAbsent(UnitNames.key(a), e.id());
                }
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            nameOf.put(ids.get(i), rows.get(i).name());
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            UUID id = ids.get(i);
            claim(owner, nameOf, UnitNames.key(r.name()), id, r, "单位名称 " + r.name(), errors);
            for (String a : r.aliases()) {
                claim(owner, nameOf, UnitNames.key(a), id, r, "别名 " + a, errors);
            }
        }

        // Parents by name (or alias), in the file or already registered.
        Map<UUID, UUID> parentOf = new HashMap<>();
        for (Existing e : existing) {
            if (!inFile.contains(e.id()) && e.parentId() != null) {
                parentOf.put(e.id(), e.parentId());
            }
        }
        List<UUID> parents = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            UUID parent = null;
            if (r.parent() != null) {
                parent = owner.get(UnitNames.key(r.parent()));
                if (parent == null) {
                    errors.add(line(r, "上级单位不存在：" + UnitTable.abbreviate(r.parent())));
                } else if (parent.equals(ids.get(i))) {
                    errors.add(line(r, "上级单位不能是本单位"));
                    parent = null;
                } else {
                    parentOf.put(ids.get(i), parent);
                }
            }
            parents.add(parent);
        }
        for (int i = 0; i < rows.size(); i++) {
            if (inCycle(ids.get(i), parentOf)) {
                errors.add(line(rows.get(i), "上级单位形成循环：" + rows.get(i).name()));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(lineNo(a), lineNo(b)));
            return new Outcome(List.of(), List.of(), 0, errors);
        }

        List<Change> creates = new ArrayList<>();
        List<Change> updates = new ArrayList<>();
        int unchanged = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Existing e = matches.get(i);
            if (e == null) {
                creates.add(new Change(ids.get(i), r, parents.get(i), true));
            } else if (e.name().equals(r.name()) && e.kind() == r.kind() && e.aliases().equals(r.aliases())
                    && Objects.equals(e.parentId(), parents.get(i)) && e.active()) {
                unchanged++;
            } else {
                updates.add(new Change(e.id(), r, parents.get(i), false));
            }
        }
        return new Outcome(creates, updates, unchanged, List.of());
    }

    private static void claim(Map<String, UUID> owner, Map<UUID, String> nameOf, String key, UUID id, Row r,
                              String what, List<FieldError> errors) {
        UUID before = owner.putIfAbsent(key, id);
        if (before != null && !before.equals(id)) {
            errors.add(line(r, what + " 与单位 " + nameOf.get(before) + " 的名称或别名重复"));
        }
    }

    private static boolean inCycle(UUID start, Map<UUID, UUID> parentOf) {
        UUID at = parentOf.get(start);
        for (int steps = 0; at != null && steps <= parentOf.size(); steps++) {
            if (at.equals(start)) {
                return true;
            }
            at = parentOf.get(at);
        }
        return false;
    }

    private static FieldError line(Row r, String message) {
        return new FieldError("line " + r.line(), message);
    }

    static int lineNo(FieldError e) {
        try {
            return Integer.parseInt(e.field().substring("line ".length()));
        } catch (RuntimeException ex) {
            return 0;
        }
    }
}
