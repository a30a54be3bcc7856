package io.duban.report.common;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;

/** The unit a caller is limited to: a {@code unit} token's own unit, or null for the region's broader roles. */
public final class UnitScopes {

    private UnitScopes() {
    }

    public static String of(Caller caller) {
        return caller.isUnitScoped()
                ? caller.unitId().orElseThrow(() -> ProblemException.forbidden("单位账号缺少单位标识。"))
                : null;
    }

    /** The unit a list asks about: a unit token only its own ({@code unitId} of another is 403); blank = all (or its own). */
    public static String filter(Caller caller, String unitId) {
        if (unitId != null && !unitId.isBlank()) {
            caller.requireUnitAccess(unitId.trim());
            return unitId.trim();
        }
        return of(caller);
    }
}
