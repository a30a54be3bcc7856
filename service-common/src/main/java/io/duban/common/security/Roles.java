package io.duban.common.security;

/** The roles a duban token may carry in its {@code groups} claim. */
public final class Roles {
    public static final String SUPERVISOR = "supervisor";
    public static final String UNIT = "unit";
    public static final String VIEWER = "viewer";
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
