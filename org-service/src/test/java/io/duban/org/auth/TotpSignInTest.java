package io.duban.org.auth;

import static io.duban.org.auth.SignIn.PASSWORD;
import static io.duban.org.auth.SignIn.account;
import static io.duban.org.auth.SignIn.bearer;
import static io.duban.org.auth.SignIn.freshAddress;
import static io.duban.org.auth.SignIn.login;
import static io.duban.org.auth.SignIn.refresh;
import static io.duban.org.auth.SignIn.username;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.duban.org.Api;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TOTP enrolment by QR code, sign-in with a code, and the region's policy for supervisors. */
@QuarkusTest
class TotpSignInTest {

    private static final String TOTP_REQUIRED = "https://duban.io/problems/totp-required";

    @Inject
    AgroalDataSource db;

    @Test
    void enrolConfirmAndSignInWithACode() throws Exception {
        String region = Regions.fresh();
        String user = username("totp");
        String id = account(region, user, "viewer", null);
        String token = login(freshAddress(), user, PASSWORD).statusCode(200).extract().path("accessToken");

        var enrolment = bearer(token).post("/api/v1/auth/totp/enrolment").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("otpauthUri", startsWith("otpauth://totp/")).body("qrSvg", startsWith("<svg")).extract();
        byte[] seed = Totp.fromBase32(enrolment.path("secret"));
        assertEquals(20, seed.length);
        // the seed is sealed at rest: the column holds neither the Base32 text nor the raw bytes
        String stored = storedSeed(region, id);
        assertTrue(stored.startsWith("sealed:v1:"), stored);
        assertFalse(stored.contains(enrolment.path("secret")));

        bearer(token).body(Map.of("code", "000000".equals(code(seed, 0)) ? "111111" : "000000"))
                .post("/api/v1/auth/totp/confirmation").then().statusCode(400).body("errors[0].field", equalTo("code"));
        bearer(token).body(Map.of("code", code(seed, 0))).post("/api/v1/auth/totp/confirmation").then().statusCode(204);
        bearer(token).get("/api/v1/auth/me").then().body("totpEnabled", equalTo(true));
        bearer(token).post("/api/v1/auth/totp/enrolment").then().statusCode(409);

        String address = freshAddress();
        login(address, user, PASSWORD).statusCode(401).body("type", equalTo(TOTP_REQUIRED)).body("totpRequired", equalTo(true));
        login(address, user, "Wrong#pass1", code(seed, 1)).statusCode(401).body("type", equalTo("https://duban.io/problems/bad-credentials"));
        String wrong = code(seed, 1).equals("123456") ? "654321" : "123456";
        login(address, user, PASSWORD, wrong).statusCode(401).body("type", equalTo(TOTP_REQUIRED));
        // the confirming code is spent; the next step's code signs in, once
        login(address, user, PASSWORD, code(seed, 0)).statusCode(401).body("type", equalTo(TOTP_REQUIRED));
        login(address, user, PASSWORD, code(seed, 1)).statusCode(200).body("account.totpEnabled", equalTo(true));
        login(address, user, PASSWORD, code(seed, 1)).statusCode(401).body("type", equalTo(TOTP_REQUIRED));

        // a supervisor can turn it off for a lost phone
        Api.supervisor(region).post(Api.base(region) + "/accounts/" + id + "/totp-reset").then().statusCode(204);
        login(address, user, PASSWORD).statusCode(200).body("account.totpEnabled", equalTo(false));
    }

    @Test
    void regionPolicyMakesSupervisorsEnrolFirst() {
        String region = Regions.fresh();
        String sup = username("sup");
        String viewer = username("ldr");
        account(region, sup, "supervisor", null);
        account(region, viewer, "viewer", null);

        Api.supervisor(region).get(Api.base(region) + "/security-policy").then().statusCode(200)
                .header("ETag", "\"0\"").body("supervisorTotpRequired", equalTo(false));
        Api.supervisor(region).contentType("application/json").body(Map.of("supervisorTotpRequired", true))
                .put(Api.base(region) + "/security-policy").then().statusCode(428);
        Api.supervisor(region).contentType("application/json").header("If-Match", "\"7\"").body(Map.of("supervisorTotpRequired", true))
                .put(Api.base(region) + "/security-policy").then().statusCode(412);
        Api.supervisor(region).contentType("application/json").header("If-Match", "\"0\"").body(Map.of("supervisorTotpRequired", true))
                .put(Api.base(region) + "/security-policy").then().statusCode(200).body("supervisorTotpRequired", equalTo(true));
        Api.as(io.duban.testing.Tokens.viewer(region)).get(Api.base(region) + "/security-policy").then().statusCode(403);

        // a viewer is not concerned
        login(freshAddress(), viewer, PASSWORD).statusCode(200).body("totpEnrolmentRequired", equalTo(false));

        // the supervisor gets a token good only for enrolment
        var session = login(freshAddress(), sup, PASSWORD).statusCode(200).body("totpEnrolmentRequired", equalTo(true)).extract();
        String restricted = session.path("accessToken");
        bearer(restricted).get(Api.base(region) + "/accounts").then().statusCode(403);
        byte[] seed = Totp.fromBase32(bearer(restricted).post("/api/v1/auth/totp/enrolment").then().statusCode(200).extract().path("secret"));
        bearer(restricted).body(Map.of("code", code(seed, 0))).post("/api/v1/auth/totp/confirmation").then().statusCode(204);
        String full = refresh(session.path("refreshToken")).statusCode(200).body("totpEnrolmentRequired", equalTo(false))
                .extract().path("accessToken");
        bearer(full).get(Api.base(region) + "/accounts").then().statusCode(200);
        login(freshAddress(), sup, PASSWORD).statusCode(401).body("totpRequired", equalTo(true));
        login(freshAddress(), sup, PASSWORD, code(seed, 1)).statusCode(200).body("totpEnrolmentRequired", equalTo(false));
    }

    /** The code for the current step plus {@code offset}. */
    private static String code(byte[] seed, int offset) {
        return Totp.code(seed, Totp.step(System.currentTimeMillis() / 1000) + offset);
    }

    private String storedSeed(String region, String id) throws Exception {
        try (var c = db.getConnection(); var ps = c.prepareStatement("select totp_secret from account where region = ? and id = ?::uuid")) {
            ps.setString(1, region);
            ps.setString(2, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
