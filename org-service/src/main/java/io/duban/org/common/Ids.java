package io.duban.org.common;

import io.duban.common.problem.ProblemException;
import java.util.UUID;

/** Path ids: anything that is not a UUID names nothing here, so it is a 404 like an unknown id. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id, String what) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // fall through: not a UUID
        }
        throw ProblemException.notFound(what + "不存在。");
    }
}
