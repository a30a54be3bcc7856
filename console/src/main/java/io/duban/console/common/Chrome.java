package io.duban.console.common;

import io.duban.console.session.Session;

/** What the page frame needs: who is signed in (for the menu by role), the CSRF token of the logout form, the page's section. */
public record Chrome(String section, String displayName, String role, String unitName, String region, String csrf,
                     boolean supervisor, boolean viewer, boolean unit, boolean aboveCounty) {

    public static Chrome of(Session s, String section) {
        return new Chrome(section, s.displayName() == null ? s.username() : s.displayName(), s.role(), s.unitName(),
                s.region(), s.csrf(), s.supervisor(), s.viewer(), s.unit(), s.aboveCounty());
    }

    public boolean regionReader() {
        return supervisor || viewer;
    }

    public boolean is(String name) {
        return name.equals(section);
    }
}
