package io.duban.org.common;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/** Recognises the database failures that are the client's business (lost update, duplicate key), not ours. */
public final class PersistenceFailures {

    private PersistenceFailures() {
    }

    /** Another writer changed the row since it was read (the {@code where version = ?} matched nothing). */
    public static boolean isStale(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A unique key (region, name; a name key) was taken by a concurrent writer; a deadlock between two such
     * writers (PostgreSQL aborts one of them) is the same race.
     */
    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && ("23505".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()))) {
                return true;
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException cv && "23505".equals(cv.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
