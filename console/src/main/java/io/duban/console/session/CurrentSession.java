package io.duban.console.session;

import io.duban.console.common.Forbidden;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;

/** The signed-in person of this request (set by {@link SessionFilter}), and whether the cookie must be written again. */
@RequestScoped
public class CurrentSession {

    private Session session;
    private boolean changed;
    private boolean cleared;

    public Session get() {
        if (session == null) {
            throw new IllegalStateException("no session on this request");
        }
        return session;
    }

    public boolean present() {
        return session != null;
    }

    public void set(Session s) {
        this.session = s;
        this.changed = true;
        this.cleared = false;
    }

    /** This request's session, unchanged: the cookie is not written again. */
    void use(Session s) {
        this.session = s;
    }

    public void clear() {
        this.session = null;
        this.cleared = true;
        this.changed = false;
    }

    boolean changed() {
        return changed;
    }

    boolean cleared() {
        return cleared;
    }

    /** The page is for these roles only: anyone else gets the 403 page. */
    public Session require(String... roles) {
        Session s = get();
        if (!Arrays.asList(roles).contains(s.role())) {
            throw new Forbidden();
        }
        return s;
    }

    /** A form's CSRF token must be the session's (synchronizer token): else the 403 page, nothing done. */
    public Session checkCsrf(String formToken) {
        Session s = get();
        if (formToken == null || !java.security.MessageDigest.isEqual(formToken.getBytes(), s.csrf().getBytes())) {
            throw new Forbidden();
        }
        return s;
    }
}
