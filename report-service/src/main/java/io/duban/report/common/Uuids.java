package io.duban.report.common;

import io.duban.common.problem.ProblemException;
import java.util.UUID;

/** Parses ids from query and path parameters; a malformed id is a 400, never a 500. */
public final class Uuids {

    private Uuids() {
    }

    public static UUID optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, field + " 应为 UUID。");
        }
    }
}
