package io.duban.report.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Standard competition ranking: equal entries share a rank and the next rank skips (1, 2, 2, 4). */
public final class Ranks {

    private Ranks() {
    }

    /** Ranks of {@code sorted} (already in {@code order}), position by position. */
    public static <T> List<Integer> competition(List<T> sorted, Comparator<? super T> order) {
        List<Integer> ranks = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            ranks.add(tie ? ranks.get(i - 1) : i + 1);
        }
        return ranks;
    }
}
