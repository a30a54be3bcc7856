package io.duban.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A page of a list, as every service answers one: {@code {items, total, page, size, next}}. A keyset page
 * ({@code after=}) has no {@code page} and a {@code total} only when asked ({@code total=true}); {@code next}
 * is the cursor of the following page, absent on the last one (docs/paging.md).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Paged<T>(List<T> items, Long total, int page, int size, String next) {

    public boolean hasMore() {
        return next != null || (total != null && (long) page * size < total);
    }

    /** The total the service counted, 0 when it did not count (a keyset page without {@code total=true}). */
    public long count() {
        return total == null ? 0 : total;
    }
}
