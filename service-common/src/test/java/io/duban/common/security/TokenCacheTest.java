package io.duban.common.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The verified-token cache in front of smallrye-jwt, through real HTTP requests. */
@QuarkusTest
class TokenCacheTest {

    @Inject
    CachingJwtParser parser;

    final String region = Regions.fresh();

    @Test
    void aClientSendingTheSameTokenIsVerifiedOnce() {
        String token = Tokens.supervisor(region);
        long before = parser.cache().verifications();
        for (int i = 0; i < 5; i++) {
            probe(token, 200);
        }
        assertEquals(1, parser.cache().verifications() - before);
    }

    @Test
    void aTokenWithACachedTokensClaimsButAnotherKeyIsRefused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String jti = UUID.randomUUID().toString();
        String kid = SigningKey.kidOf(KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.X509EncodedKeySpec(pem("/duban-test-public.pem"))));
        String genuine = claims(region, jti, now).jws().keyId(kid).sign(testKey());
        probe(genuine, 200);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        // a key no longer (or never) in the verification set, presenting the cached token's kid and claims
        String forged = claims(region, jti, now).jws().keyId(kid).sign(g.generateKeyPair().getPrivate());
        probe(forged, 401);
        // the genuine header and claims with a signature that is not theirs
        String[] parts = genuine.split("\\.");
        probe(parts[0] + "." + parts[1] + "." + forged.split("\\.")[2], 401);
        probe(genuine, 200);
    }

    @Test
    void aCachedTokenIsRefusedOnceExpired() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String token = Jwt.issuer(Tokens.ISSUER).upn("short@" + region).groups(Set.of("supervisor")).claim("region", region)
                .issuedAt(now).expiresAt(now + 2).sign(testKey());
        probe(token, 200);
        probe(token, 200);
        // past exp and the test profile's clock skew of one second
        Thread.sleep((now + 2 + 1) * 1000 - System.currentTimeMillis() + 300);
        probe(token, 401);
    }

    @Test
    void anExpiredTokenIsNeverCached() {
        String token = Tokens.expired(region, 120);
        long before = parser.cache().verifications();
        probe(token, 401);
        probe(token, 401);
        assertEquals(2, parser.cache().verifications() - before);
    }

    private void probe(String token, int status) {
        given().auth().oauth2(token).get("/api/v1/regions/{r}/probe", region).then().statusCode(status);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String region, String jti, long now) {
        return Jwt.issuer(Tokens.ISSUER).upn("cached@" + region).groups(Set.of("supervisor")).claim("region", region)
                .claim("jti", jti).issuedAt(now).expiresAt(now + 600);
    }

    private static PrivateKey testKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem("/duban-test-private.pem")));
    }

    private static byte[] pem(String resource) throws Exception {
        try (InputStream in = TokenCacheTest.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return Base64.getDecoder().decode(pem);
        }
    }
}
