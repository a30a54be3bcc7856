package io.duban.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a stable-ordered list. Asked by number ({@code page=}) it carries the total across all pages;
 * asked by keyset ({@code after=}, see {@link KeysetCursor}) it carries no page number and the total only when
 * asked for. {@code next} is the cursor of the page after this one (absent on the last page, and on lists that
 * are not keyset-paged).
 */
public record Page<T>(List<T> items,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
                      int size,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String next) {

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.size(), null);
    }

    /**
     * A numbered page from {@code rows} read with {@code LIMIT size + 1}, with the total (null when not asked for) and the cursor to go on from
     * here with {@code after=} (the extra row only says that there is a next page).
     */
    public static <T> Page<T> numbered(List<T> rows, Long total, PageRequest request, Function<T, String> cursorOf) {
        Page<T> p = keyset(rows, request.size(), total, cursorOf);
        return new Page<>(p.items, total, request.page(), request.size(), p.next);
    }

    /**
     * A keyset page from {@code rows} read with {@code LIMIT size + 1}: the extra row only says that there is a next
     * page, whose cursor is the last kept item's key. {@code total} is null unless the client asked for it.
     */
    public static <T> Page<T> keyset(List<T> rows, int size, Long total, Function<T, String> cursorOf) {
        if (rows.size() <= size) {
            return new Page<>(rows, total, null, size, null);
        }
        List<T> items = rows.subList(0, size);
        return new Page<>(List.copyOf(items), total, null, size, cursorOf.apply(items.get(size - 1)));
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size, next);
    }
}
