package io.duban.org.common;

import io.duban.common.problem.ProblemException;
import io.duban.common.web.PageRequest;

/**
 * Reads page/size query parameters as text: JAX-RS answers a non-numeric Integer parameter with a
 * 404, but "page=abc" is a bad request, not a missing resource.
 */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(String page, String size) {
        return PageRequest.of(number(page, "page"), number(size, "size"));
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
