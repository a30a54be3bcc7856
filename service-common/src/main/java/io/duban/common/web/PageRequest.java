package io.duban.common.web;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated page request: {@code page} counts from 1 and is capped, {@code size} is capped so no client can
 * ask for the whole table in one response.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** No list of a region is this long; a larger page number is a client's mistake, not a request for nothing. */
    public static final int MAX_PAGE = 100_000;

    /** Reads the raw query parameters (null when absent) and rejects nonsense with a 400. */
    public static PageRequest of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1 || p > MAX_PAGE) {
            errors.add(new FieldError("page", "页码应在 1 到 " + MAX_PAGE + " 之间"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "每页条数应在 1 到 " + MAX_SIZE + " 之间"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("分页参数不正确。", errors);
        }
        return new PageRequest(p, s);
    }

    /** Rows to skip, in {@code long} so no page number can overflow it. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
