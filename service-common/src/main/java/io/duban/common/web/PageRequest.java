package io.duban.common.web;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated page request: {@code page} counts from 1, {@code size} is capped so no client can
 * ask for the whole table in one response.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Reads the raw query parameters (null when absent) and rejects nonsense with a 400. */
    public static PageRequest of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 1 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 1) {
            errors.add(new FieldError("page", "页码从 1 开始"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "每页条数应在 1 到 " + MAX_SIZE + " 之间"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("分页参数不正确。", errors);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return (page - 1) * size;
    }
}
