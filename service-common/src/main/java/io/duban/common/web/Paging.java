package io.duban.common.web;

/**
 * The page and size query parameters of every list, read into a {@link PageRequest}. As text
 * ({@link QueryParams}) so that "page=abc" is a 400 naming the field; JAX-RS would answer a
 * non-numeric Integer parameter with a 404.
 */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(String page, String size) {
        return PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size));
    }
}
