package io.duban.task.common;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import java.util.Optional;
import java.util.UUID;

/** Object-level access rules shared by the features. */
public final class Access {

    private Access() {
    }

    /** The unit a unit-scoped caller is limited to; empty for supervisors, viewers and system. */
    public static Optional<UUID> unitScope(Caller caller) {
        if (!caller.isUnitScoped()) {
            return Optional.empty();
        }
        String unit = caller.unitId().orElseThrow(() -> ProblemException.forbidden("单位账号的令牌缺少 unit 声明。"));
        try {
            return Optional.of(UUID.fromString(unit));
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("单位账号的令牌中 unit 声明无效。");
        }
    }

    /** Parses a path id; a malformed id names nothing, so it is a 404. */
    public static UUID id(String raw, String what) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what + "不存在：" + (raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) : raw));
        }
    }

    /** Parses an optional query/body id; malformed → 400. */
    public static UUID optionalId(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, field + " 应为 UUID。");
        }
    }
}
