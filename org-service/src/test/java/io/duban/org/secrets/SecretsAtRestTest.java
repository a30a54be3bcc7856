package io.duban.org.secrets;

import static io.duban.org.auth.SignIn.PASSWORD;
import static io.duban.org.auth.SignIn.account;
import static io.duban.org.auth.SignIn.bearer;
import static io.duban.org.auth.SignIn.freshAddress;
import static io.duban.org.auth.SignIn.login;
import static io.duban.org.auth.SignIn.username;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.duban.common.secrets.SecretKeys;
import io.duban.org.Api;
import io.duban.org.auth.Totp;
import io.duban.org.auth.TotpResealing;
import io.duban.org.auth.TotpSeals;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Reads org-service's database directly: TOTP seeds sealed under the current key (old ones re-sealed), client secrets hashed. */
@QuarkusTest
class SecretsAtRestTest {

    @Inject
    AgroalDataSource db;

    @Inject
    SecretKeys keys;

    @Inject
    TotpSeals seals;

    @Inject
    TotpResealing resealing;

    @ConfigProperty(name = "duban.auth.totp-seed-key")
    String legacyKey;

    String one(String sql, String region, String id) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, region);
            ps.setString(2, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aTotpSeedIsSealedUnderTheCurrentKeyIdAndNowhereInClear() throws Exception {
        String region = Regions.fresh();
        String user = username("seal");
        String id = account(region, user, "viewer", null);
        String token = login(freshAddress(), user, PASSWORD).statusCode(200).extract().path("accessToken");
        String secret = bearer(token).post("/api/v1/auth/totp/enrolment").then().statusCode(200).extract().path("secret");
        byte[] seed = Totp.fromBase32(secret);
        String stored = one("select totp_secret from account where region = ? and id = ?::uuid", region, id);
        assertTrue(stored.startsWith("sealed:v1:" + keys.seal().currentKid() + ":"), stored);
        assertFalse(stored.contains(secret));
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(seed)));
        assertFalse(stored.toLowerCase().contains(HexFormat.of().formatHex(seed)));
        // the whole row, as text, holds no trace of it either
        String row = one("select a::text from account a where region = ? and id = ?::uuid", region, id);
        assertFalse(row.contains(secret));
    }

    @Test
    void aSeedSealedBeforeIssue16IsResealedUnderTheSecretsKeyAndStillOpens() throws Exception {
        String region = Regions.fresh();
        String id = account(region, username("old"), "viewer", null);
        byte[] seed = new byte[20];
        new SecureRandom().nextBytes(seed);
        String legacy = legacySeal(seed, region + "/" + id);
        try (var c = db.getConnection(); var ps = c.prepareStatement("update account set totp_secret = ? where region = ? and id = ?::uuid")) {
            ps.setString(1, legacy);
            ps.setString(2, region);
            ps.setString(3, id);
            assertEquals(1, ps.executeUpdate());
        }
        assertTrue(resealing.resealAll().await().indefinitely() >= 1);
        String stored = one("select totp_secret from account where region = ? and id = ?::uuid", region, id);
        assertTrue(stored.startsWith("sealed:v1:" + keys.seal().currentKid() + ":"), stored);
        assertArrayEquals(seed, seals.open(stored, region + "/" + id));
        assertEquals(0, resealing.resealAll().await().indefinitely(), "nothing left to re-seal");
    }

    @Test
    void anApiClientSecretIsStoredOnlyAsItsSha256() throws Exception {
        String region = Regions.fresh();
        var created = Api.supervisor(region).contentType("application/json").body(Map.of("name", "办公系统", "role", "viewer"))
                .post(Api.base(region) + "/api-clients").then().statusCode(201).extract();
        String secret = created.path("clientSecret");
        String row = one("select c::text from api_client c where region = ? and id = ?::uuid", region, created.path("id"));
        assertFalse(row.contains(secret));
        assertTrue(row.contains(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)))), "a slow hash buys nothing for a 256-bit random secret; SHA-256 it is");
    }

    /** The format TotpSeals wrote before issue 16: "v1:" + base64(iv ‖ ciphertext ‖ tag), no key id. */
    String legacySeal(byte[] seed, String aad) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(legacyKey), "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] ct = c.doFinal(seed);
        return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct).array());
    }
}
