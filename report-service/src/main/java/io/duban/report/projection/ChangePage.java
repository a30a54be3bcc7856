package io.duban.report.projection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of task-service's change feed: full snapshots in feed order, and where to continue. */
public record ChangePage(List<Item> items, String next, Boolean hasMore) {

    /** A snapshot of one entity (PLAN, TASK, ASSIGNMENT, REPORT, EVENT) at an opaque feed position. */
    public record Item(String cursor, String region, String type, String id, JsonNode data) {
    }

    public List<Item> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }

    public boolean more() {
        return Boolean.TRUE.equals(hasMore);
    }
}
