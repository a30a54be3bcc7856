package io.duban.console.common;

/** The signed-in person may not see this page or do this (shown as the 403 page). */
public class Forbidden extends RuntimeException {

    public Forbidden() {
        super("forbidden", null, false, false);
    }
}
