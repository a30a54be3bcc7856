package io.duban.console.session;

import jakarta.ws.rs.core.NewCookie;

/** The console's cookies: the sealed session and, before sign-in, the login form's CSRF cookie (double submit). */
public final class SessionCookies {

    public static final String SESSION = "duban_session";
    public static final String LOGIN_CSRF = "duban_login_csrf";

    private SessionCookies() {
    }

    public static NewCookie cookie(String name, String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    public static NewCookie expired(String name, boolean secure) {
        return cookie(name, "", secure, 0);
    }
}
