package io.duban.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Signs test JWTs with the test key pair ({@code duban-test-private.pem}); services under test
 * verify them with {@code duban-test-public.pem}. Issuer {@value #ISSUER}, as in production.
 */
public final class Tokens {

    public static final String ISSUER = "duban";
    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    public static String supervisor(String region) {
        return token(region, Set.of("supervisor"), null);
    }

    public static String viewer(String region) {
        return token(region, Set.of("viewer"), null);
    }

    public static String system(String region) {
        return token(region, Set.of("system"), null);
    }

    public static String unit(String region, String unitId) {
        return token(region, Set.of("unit"), unitId);
    }

    /** A token with any roles; {@code unitId} may be null. Valid for an hour. */
    public static String token(String region, Set<String> roles, String unitId) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER)
                .upn("test-" + String.join("-", roles) + "@" + region)
                .groups(roles)
                .claim("region", region)
                .expiresIn(3600);
        if (unitId != null) {
            b.claim("unit", unitId);
        }
        return b.sign(KEY);
    }

    /** A supervisor token of the region that expired {@code secondsAgo} seconds ago (issued an hour before that). */
    public static String expired(String region, long secondsAgo) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).upn("test-expired@" + region).groups(Set.of("supervisor")).claim("region", region)
                .issuedAt(now - secondsAgo - 3600).expiresAt(now - secondsAgo).sign(KEY);
    }

    /** A well-formed token for the right region, signed by the wrong key. */
    public static String forged(String region) {
        try {
            java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return Jwt.issuer(ISSUER).upn("forger").groups(Set.of("supervisor")).claim("region", region)
                    .expiresIn(3600).sign(g.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/duban-test-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
