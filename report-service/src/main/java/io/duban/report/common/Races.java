package io.duban.report.common;

import io.vertx.sqlclient.DatabaseException;

/**
 * Recognises the database refusing the loser of a race between two writers: a unique key the other
 * one wrote first (the data stays right; the client is told 409 and may retry or re-read).
 */
public final class Races {

    private Races() {
    }

    public static boolean lostToAConcurrentWriter(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DatabaseException db && "23505".equals(db.getSqlState())) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
