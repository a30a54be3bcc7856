package io.duban.task.tableimport;

import io.duban.task.orgclient.OrgApi.Resolution;
import io.duban.task.orgclient.OrgApi.ResolvedUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Adjusts the roles org-service read from a 责任单位 text by what only the source's layout shows:
 * a unit printed in bold is the 牵头 unit whatever its position (the listed-first unit then only
 * 配合s), and a text that came from a blank 牵头 cell has no lead at all. The resolver's answer
 * names the text each unit matched, so the bold names are applied here, not sent over the wire.
 */
final class Leads {

    private Leads() {
    }

    static Resolution apply(Resolution resolution, List<String> bold, boolean leadMissing) {
        if (resolution == null || (bold.isEmpty() && !leadMissing)) {
            return resolution;
        }
        List<ResolvedUnit> units = resolution.assignmentsOrEmpty();
        List<String> keys = bold.stream().map(Leads::key).toList();
        boolean anyBold = !leadMissing && units.stream().anyMatch(u -> isBold(u, keys));
        if (!anyBold && !leadMissing) {
            return resolution; // the bold text names no unit the resolver found: keep its reading
        }
        List<ResolvedUnit> out = new ArrayList<>(units.size());
        for (ResolvedUnit u : units) {
            String role = u.role();
            if (!leadMissing && isBold(u, keys) && !"RESPONSIBLE".equals(role)) {
                role = "LEAD";
            } else if ("LEAD".equals(role)) {
                role = "CO";
            }
            out.add(new ResolvedUnit(u.unitId(), u.unitName(), role, u.matchedText(), u.formerName()));
        }
        return new Resolution(out, resolution.unresolved(), resolution.notes());
    }

    private static boolean isBold(ResolvedUnit u, List<String> keys) {
        String matched = key(u.matchedText());
        String name = key(u.unitName());
        return keys.stream().anyMatch(k -> !k.isEmpty() && (k.equals(matched) || k.equals(name)
                || !matched.isEmpty() && k.contains(matched)));
    }

    private static String key(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u3000]", "").replace('（', '(').replace('）', ')').replaceFirst("^沂源县|^平阴县", "县");
    }
}
