package io.duban.common.web;

import io.duban.common.problem.ProblemException;
import java.util.UUID;

/**
 * The one reading of ids in every service. A path id that is not a UUID names nothing, so it is a
 * 404 like an unknown id; a malformed id in a query parameter or a body field is a 400 naming the field.
 * Only the canonical 36-character form counts ({@link UUID#fromString} alone also takes "1-1-1-1-1").
 */
public final class Ids {

    private Ids() {
    }

    /** The id named by a path segment, or 404 "{what}不存在". */
    public static UUID path(String raw, String what) {
        UUID id = parse(raw);
        if (id == null) {
            throw ProblemException.notFound(what + "不存在：" + shown(raw));
        }
        return id;
    }

    /** An optional id in a query parameter or body field: blank → null, malformed → 400 naming {@code field}. */
    public static UUID optional(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        UUID id = parse(raw.trim());
        if (id == null) {
            throw ProblemException.invalidField(field, field + " 应为 UUID。");
        }
        return id;
    }

    /** The UUID in its canonical form, or null when {@code raw} is not one. */
    public static UUID parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shown(String raw) {
        return raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) : raw;
    }
}
