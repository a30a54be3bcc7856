package io.duban.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a stable-ordered list, with the total across all pages. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.page(), request.size());
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total, page, size);
    }
}
