package io.duban.common.security;

import io.duban.common.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified JWT: the region the token is for, its roles and, for
 * role {@code unit}, the unit it speaks for. Services use it for object-level checks (a unit
 * token touches only its own unit's data).
 */
@RequestScoped
public class Caller {

    public static final String REGION_CLAIM = "region";
    public static final String UNIT_CLAIM = "unit";

    @Inject
    JsonWebToken jwt;

    public boolean authenticated() {
        return jwt != null && jwt.getRawToken() != null;
    }

    public String name() {
        return authenticated() && jwt.getName() != null ? jwt.getName() : "anonymous";
    }

    public Optional<String> region() {
        return claim(REGION_CLAIM);
    }

    /** The unit id a {@code unit} token speaks for. */
    public Optional<String> unitId() {
        return claim(UNIT_CLAIM);
    }

    public Set<String> roles() {
        return authenticated() ? jwt.getGroups() : Set.of();
    }

    public boolean has(String role) {
        return roles().contains(role);
    }

    public boolean isSupervisor() {
        return has(Roles.SUPERVISOR);
    }

    public boolean isSystem() {
        return has(Roles.SYSTEM);
    }

    /** True when the caller sees only its own unit (role {@code unit} and nothing broader). */
    public boolean isUnitScoped() {
        return has(Roles.UNIT) && !isSupervisor() && !has(Roles.VIEWER) && !isSystem();
    }

    /**
     * Fails with 403 unless the caller may act for {@code unitId}: a unit-scoped caller only for
     * its own unit, every other role for any unit of its region.
     */
    public void requireUnitAccess(String unitId) {
        if (isUnitScoped() && !unitId().map(u -> u.equals(unitId)).orElse(false)) {
            throw ProblemException.forbidden("单位账号只能访问本单位的数据。");
        }
    }

    private Optional<String> claim(String name) {
        if (!authenticated()) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String s = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
