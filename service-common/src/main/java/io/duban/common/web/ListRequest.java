package io.duban.common.web;

import io.duban.common.problem.ProblemException;

/**
 * Where a keyset-capable list page starts: by number ({@code page=}, the total counted unless {@code total=false})
 * or right after a cursor ({@code after=}, see {@link KeysetCursor}; the total counted only with {@code total=true}).
 * Numbered pages stay for the clients that show "page N of M"; a client that walks a long list uses the {@code next}
 * cursor every page carries, so page 400 costs what page 1 does and nothing counts the whole list each time.
 *
 * @param after the decoded sort key of the last item seen, null for a numbered page
 */
public record ListRequest(PageRequest page, Object[] after, boolean withTotal) {

    /**
     * Reads the raw query parameters (null when absent). {@code scope} names the list and its filters (a cursor of
     * another is a 400), {@code key} the types of its sort key.
     */
    public static ListRequest of(String page, String size, String after, String total, String scope, Class<?>... key) {
        PageRequest request = Paging.of(page, size);
        Object[] position = KeysetCursor.decode(after, scope, key);
        if (position != null && page != null && !page.isBlank()) {
            throw ProblemException.invalidField(KeysetCursor.PARAM, "page 与 after 不能同时使用。");
        }
        boolean withTotal = flag(total, "total", position == null);
        return new ListRequest(request, position, withTotal);
    }

    public boolean keyset() {
        return after != null;
    }

    public int size() {
        return page.size();
    }

    private static boolean flag(String raw, String field, boolean absent) {
        if (raw == null || raw.isBlank()) {
            return absent;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalidField(field, field + " 应为 true 或 false");
        };
    }
}
