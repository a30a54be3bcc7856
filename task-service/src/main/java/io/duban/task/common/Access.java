package io.duban.task.common;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.web.Ids;
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
        UUID id = Ids.parse(unit);
        if (id == null) {
            throw ProblemException.forbidden("单位账号的令牌中 unit 声明无效。");
        }
        return Optional.of(id);
    }
}
