package io.duban.org.responsibility;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closest known names to a 责任单位 name that matches none: what the supervisor is offered to
 * fix a typo (县政府和审批服务局 → 县行政审批服务局). Plain and pure; filled once per resolver.
 */
final class Suggestions {

    static final int MAX_SUGGESTIONS = 3;

    /**
     * Below this score a name is not offered. The typos of the real tables score two thirds and more (县政府和审批服务局 →
     * 县行政审批服务局 0.68, 县卫生健身局 → 县卫生健康局 0.80); two four-character 县…局 that share only 县 and 局 score
     * exactly 0.45, so a mistyped short name still gets its (at most three) nearest same-shaped units rather than none.
     */
    static final double MIN_SCORE = 0.45;

    /** Normalised key of a known name or alias → the name to show. */
    private final List<Map.Entry<String, String>> keys = new ArrayList<>();

    void add(String key, String name) {
        keys.add(Map.entry(key, name));
    }

    /** The known names closest to an unknown one: edit distance, helped by shared characters. */
    List<String> closestTo(String key) {
        String probe = key.length() > 40 ? key.substring(0, 40) : key;
        Map<String, Double> best = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : keys) {
            double score = similarity(probe, e.getKey());
            best.merge(e.getValue(), score, Math::max);
        }
        return best.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_SCORE)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_SUGGESTIONS)
                .map(Map.Entry::getKey)
                .toList();
    }

    static double similarity(String a, String b) {
        int max = Math.max(a.length(), b.length());
        if (max == 0) {
            return 0;
        }
        double edit = 1.0 - (double) levenshtein(a, b) / max;
        Set<Character> ca = new HashSet<>();
        for (char c : a.toCharArray()) {
            ca.add(c);
        }
        Set<Character> cb = new HashSet<>();
        for (char c : b.toCharArray()) {
            cb.add(c);
        }
        Set<Character> common = new HashSet<>(ca);
        common.retainAll(cb);
        Set<Character> union = new HashSet<>(ca);
        union.addAll(cb);
        double shared = union.isEmpty() ? 0 : (double) common.size() / union.size();
        // Mostly edit distance, which keeps order (a typo leaves most characters in place); the share of characters
        // in common (Jaccard) adds credit where characters were inserted or dropped rather than replaced:
        // 县教育局 ~ 县教育和体育局 is 0.57 by edit distance alone, 0.60 with it. With 0.7/0.3 every typo fixture in
        // ResponsibilityResolverTest ranks the intended unit first.
        return 0.7 * edit + 0.3 * shared;
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
