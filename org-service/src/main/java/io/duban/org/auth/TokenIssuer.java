package io.duban.org.auth;

import io.duban.org.credential.AuthConfig;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Signs duban access tokens (RS256, header kid): iss, sub, upn, groups, region, unit for role unit, iat, exp. The
 * claims are the ones every service's {@code Caller} and {@code RegionGuard} read.
 */
@ApplicationScoped
public class TokenIssuer {

    /** Claim naming why a token carries no roles yet (password-change, totp-enrolment). */
    public static final String RESTRICTED_CLAIM = "restricted";

    @Inject
    SigningKeys keys;

    @Inject
    AuthConfig config;

    /** A signed token for {@code subject}; {@code unitId} may be null; {@code restricted} null for a full token. */
    public String sign(String subject, String username, String region, Set<String> groups, String unitId, String restricted) {
        JwtClaimsBuilder b = Jwt.issuer(config.issuer())
                .subject(subject)
                .upn(username)
                .groups(groups)
                .claim("region", region)
                .issuedAt(java.time.Instant.now())
                .expiresIn(config.accessTokenTtl());
        if (unitId != null) {
            b.claim("unit", unitId);
        }
        if (restricted != null) {
            b.claim(RESTRICTED_CLAIM, restricted);
        }
        return b.jws().keyId(keys.keyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign(keys.privateKey());
    }

    public long ttlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }
}
