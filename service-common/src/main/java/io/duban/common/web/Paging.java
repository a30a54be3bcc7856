package io.duban.common.web;

import io.duban.common.problem.ProblemException;

/**
 * The page and size query parameters of every list, read into a {@link PageRequest}. As text
 * ({@link #of(String, String)}) so that "page=abc" is a 400 naming the field; JAX-RS would answer a
 * non-numeric Integer parameter with a 404.
 */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(String page, String size) {
        return PageRequest.of(number(page, "page"), number(size, "size"));
    }

    public static PageRequest of(Integer page, Integer size) {
        return PageRequest.of(page, size);
    }

    private static Integer number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, field + " 应为整数");
        }
    }
}
