package io.duban.task.tableimport;

import io.duban.task.assignment.Role;
import io.duban.task.orgclient.Resolution;
import io.duban.task.orgclient.Resolution.ResolvedUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Adjusts the roles org-service read from a 责任单位 text by what only the source's layout shows:
 * a unit printed in bold is the 牵头 unit whatever its position (the listed-first unit then only
 * 配合s), and a text that came from a blank 牵头 cell has no lead at all. The resolver's answer
 * names the text each unit matched, so the bold names are applied here, not sent over the wire.
 */
final class Leads {

    private static final java.util.regex.Pattern COUNTY_PREFIX =
            java.util.regex.Pattern.compile("^[\\p{IsHan}&&[^县市省]]{2}县(?=.{2,})");

    private Leads() {
    }

    static Resolution apply(Resolution resolution, List<String> bold, boolean leadMissing) {
        if (resolution == null || (bold.isEmpty() && !leadMissing)) {
            return resolution;
        }
        List<ResolvedUnit> units = resolution.assignments();
        List<String> keys = bold.stream().map(Leads::key).toList();
        boolean anyBold = !leadMissing && units.stream().anyMatch(u -> isBold(u, keys));
        if (!anyBold && !leadMissing) {
            return resolution; // the bold text names no unit the resolver found: keep its reading
        }
        List<ResolvedUnit> out = new ArrayList<>(units.size());
        for (ResolvedUnit u : units) {
            Role role = u.role();
            if (!leadMissing && isBold(u, keys) && role != Role.RESPONSIBLE) {
                role = Role.LEAD;
            } else if (role == Role.LEAD) {
                role = Role.CO;
            }
            out.add(u.withRole(role));
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
        String k = s == null ? "" : s.replaceAll("[\\s\\u3000]", "").replace('（', '(').replace('）', ')');
        // any county's name before a unit reads as 县 (沂源县教育和体育局 = 县教育和体育局), as org-service compares names
        return COUNTY_PREFIX.matcher(k).replaceFirst("县");
    }
}
