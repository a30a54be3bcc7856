package io.duban.common.web;

import io.duban.common.problem.ProblemException;

/**
 * Numeric query parameters read as text, so that a malformed one ({@code ?page=abc}) is a 400 naming the parameter
 * in every service: JAX-RS answers a query parameter it cannot convert to {@code Integer} with a 404, as if the
 * path named nothing. Resources take such parameters as {@code String} (the OpenAPI schema says integer) and read
 * them here; ranges are the caller's.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The whole number in {@code value}, or null when the parameter is absent or blank; 400 naming {@code name} otherwise. */
    public static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, name + " 应为整数");
        }
    }

    /** As {@link #integer(String, String)}, with {@code absent} when the parameter is not given. */
    public static int integer(String name, String value, int absent) {
        Integer n = integer(name, value);
        return n == null ? absent : n;
    }
}
