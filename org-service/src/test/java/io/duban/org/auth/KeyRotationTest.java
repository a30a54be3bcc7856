package io.duban.org.auth;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.org.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A key rotation in progress: the service verifies with a JWKS holding the old (test) key and the new one, and
 * signs with the new one. Tokens of both keys are accepted; a third key is not.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotating.class)
class KeyRotationTest {

    static final String OLD_KID = "3HqF5QZQEiOGyvTR";

    public static class Rotating implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.jwt.verify.publickey.location", "rotation/jwks-old-and-new.json",
                    "duban.auth.private-key-location", "rotation/jwt-new-private.pem");
        }
    }

    @Test
    void tokensOfTheOldAndTheNewKeyAreBothAccepted() throws Exception {
        String region = Regions.fresh();
        PrivateKey oldKey = key("/duban-test-private.pem");
        PrivateKey newKey = key("/rotation/jwt-new-private.pem");
        String newKid = SigningKeys.kidOf(publicOf(newKey));

        Api.as(sign(oldKey, OLD_KID, region)).get(Api.base(region) + "/units").then().statusCode(200);
        Api.as(sign(newKey, newKid, region)).get(Api.base(region) + "/units").then().statusCode(200);
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Api.as(sign(g.generateKeyPair().getPrivate(), newKid, region)).get(Api.base(region) + "/units").then().statusCode(401);
        // with two keys a token must say which one signed it (org-service's and ./duban token's do)
        Api.as(Tokens.supervisor(region)).get(Api.base(region) + "/units").then().statusCode(401);

        // tokens org-service issues now carry the new kid and verify
        String user = SignIn.username("rot");
        Api.as(sign(oldKey, OLD_KID, region)).contentType("application/json")
                .body(Map.of("username", user, "displayName", "轮换", "role", "viewer", "password", SignIn.PASSWORD, "mustChangePassword", false))
                .post(Api.base(region) + "/accounts").then().statusCode(201);
        String token = SignIn.login(SignIn.freshAddress(), user, SignIn.PASSWORD).statusCode(200).extract().path("accessToken");
        assertEquals(newKid, SignInTest.header(token).get("kid"));
        SignIn.bearer(token).get(Api.base(region) + "/units").then().statusCode(200);

        // the JWKS endpoint publishes both
        io.restassured.RestAssured.get("/api/v1/auth/jwks").then().statusCode(200)
                .body("keys.kid", hasItems(OLD_KID, newKid)).body("keys.size()", equalTo(2)).body("keys[0].d", equalTo(null));
    }

    private static String sign(PrivateKey key, String kid, String region) {
        return Jwt.issuer(Tokens.ISSUER).upn("rotation-test").groups(Set.of("supervisor")).claim("region", region)
                .expiresIn(600).jws().keyId(kid).sign(key);
    }

    private static PrivateKey key(String resource) throws Exception {
        try (var in = KeyRotationTest.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }

    private static java.security.PublicKey publicOf(PrivateKey key) throws Exception {
        var crt = (java.security.interfaces.RSAPrivateCrtKey) key;
        return KeyFactory.getInstance("RSA").generatePublic(new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }
}
