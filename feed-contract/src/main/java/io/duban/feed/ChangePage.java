package io.duban.feed;

import java.util.List;

/** One page of the feed in feed order; {@code next} continues after the last item (the given cursor when empty). */
public record ChangePage(List<ChangeItem> items, String next, boolean hasMore) {

    public ChangePage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
