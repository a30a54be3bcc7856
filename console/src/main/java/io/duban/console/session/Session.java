package io.duban.console.session;

/**
 * What the console keeps about a signed-in person, encrypted in the session cookie: the tokens
 * (never shown to the page), who they are, the CSRF token of their forms, when they were last seen, and
 * whether the token is restricted until a password change or a TOTP enrolment.
 */
public record Session(String accessToken, String refreshToken, long accessExpiresAt, String accountId, String username,
                      String displayName, String role, String region, String unitId, String unitName,
                      boolean mustChangePassword, String csrf, long lastSeen, boolean totpEnrolmentRequired) {

    public String bearer() {
        return "Bearer " + accessToken;
    }

    public boolean supervisor() {
        return "supervisor".equals(role);
    }

    public boolean viewer() {
        return "viewer".equals(role);
    }

    public boolean unit() {
        return "unit".equals(role);
    }

    /** Supervisor or viewer: may read the region's numbers. */
    public boolean regionReader() {
        return supervisor() || viewer();
    }

    /** A prefecture or province code (ends in 00): the overdue summary by county is its page. */
    public boolean aboveCounty() {
        return region != null && region.endsWith("00");
    }

    public Session seen(long now) {
        return new Session(accessToken, refreshToken, accessExpiresAt, accountId, username, displayName, role, region,
                unitId, unitName, mustChangePassword, csrf, now, totpEnrolmentRequired);
    }

    public Session withTokens(String access, String refresh, long expiresAt) {
        return new Session(access, refresh, expiresAt, accountId, username, displayName, role, region, unitId, unitName,
                mustChangePassword, csrf, lastSeen, totpEnrolmentRequired);
    }

    public Session passwordChanged() {
        return new Session(accessToken, refreshToken, accessExpiresAt, accountId, username, displayName, role, region,
                unitId, unitName, false, csrf, lastSeen, totpEnrolmentRequired);
    }

    /** After a refresh: whether the new token is still restricted to TOTP enrolment (the region requires it). */
    public Session totpEnrolment(boolean required) {
        return new Session(accessToken, refreshToken, accessExpiresAt, accountId, username, displayName, role, region,
                unitId, unitName, mustChangePassword, csrf, lastSeen, required);
    }
}
