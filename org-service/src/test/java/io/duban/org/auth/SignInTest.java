package io.duban.org.auth;

import static io.duban.org.auth.SignIn.PASSWORD;
import static io.duban.org.auth.SignIn.account;
import static io.duban.org.auth.SignIn.bearer;
import static io.duban.org.auth.SignIn.freshAddress;
import static io.duban.org.auth.SignIn.login;
import static io.duban.org.auth.SignIn.refresh;
import static io.duban.org.auth.SignIn.username;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.duban.org.Api;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Sign-in over HTTP against the real database: answers, lock-out, rate limit, sessions, password change. */
@QuarkusTest
class SignInTest {

    private static final String BAD = "https://duban.io/problems/bad-credentials";
    private static final String LOCKED = "https://duban.io/problems/account-locked";

    @Inject
    AgroalDataSource db;

    @Test
    void unitTokenFromLoginVerifiesAsEveryServiceVerifiesIt() throws Exception {
        String region = Regions.fresh();
        String unitId = Api.createUnit(region, "县民政局", "DEPARTMENT");
        String user = username("mzj");
        String id = account(region, user, "unit", unitId);
        ExtractableResponse<Response> r = login(freshAddress(), user, PASSWORD).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(1800))
                .body("mustChangePassword", equalTo(false))
                .body("account.id", equalTo(id)).body("account.role", equalTo("unit")).body("account.region", equalTo(region))
                .body("account.unitId", equalTo(unitId)).body("account.unitName", equalTo("县民政局"))
                .body("account.totpEnabled", equalTo(false)).body("account.lastLoginAt", notNullValue()).body("refreshToken", notNullValue())
                .extract();
        String token = r.path("accessToken");

        // the verification task- and report-service do: RS256 with the public key, issuer duban
        JsonWebToken jwt = new DefaultJWTParser(new JWTAuthContextInfo(testPublicKey(), "duban")).parse(token);
        assertEquals(id, jwt.getSubject());
        assertEquals(user, jwt.getName());
        assertEquals(java.util.Set.of("unit"), jwt.getGroups());
        assertEquals(region, jwt.getClaim("region").toString().replace("\"", ""));
        assertEquals(unitId, jwt.getClaim("unit").toString().replace("\"", ""));
        assertEquals(1800, jwt.getExpirationTime() - jwt.getIssuedAtTime());
        assertEquals("3HqF5QZQEiOGyvTR", header(token).get("kid"));
        assertEquals("RS256", header(token).get("alg"));

        // and the shared RegionGuard / Caller accept it
        bearer(token).get(Api.base(region) + "/units").then().statusCode(200);
        bearer(token).get(Api.base(Regions.fresh()) + "/units").then().statusCode(403);
        bearer(token).get("/api/v1/auth/me").then().statusCode(200).body("username", equalTo(user)).body("lastLoginAt", notNullValue());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String region = Regions.fresh();
        String user = username("same");
        account(region, user, "viewer", null);
        String address = freshAddress();
        var wrong = login(address, user, "Wrong#pass1").statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(BAD)).extract().asString();
        var unknown = login(address, username("nobody"), "Wrong#pass1").statusCode(401)
                .body("type", equalTo(BAD)).extract().asString();
        assertEquals(wrong, unknown);
        login(address, user.toUpperCase(), PASSWORD).statusCode(200); // usernames are case-insensitive
        login(address, "", "").statusCode(401).body("type", equalTo(BAD));
        SignIn.from(address).body("{").post("/api/v1/auth/login").then().statusCode(400);
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheWindowEnds() throws Exception {
        String region = Regions.fresh();
        String user = username("lock");
        String id = account(region, user, "viewer", null);
        String address = freshAddress();
        for (int i = 1; i <= 4; i++) {
            login(address, user, "Wrong#pass" + i).statusCode(401).body("type", equalTo(BAD));
        }
        String until = login(address, user, "Wrong#pass5").statusCode(423).body("type", equalTo(LOCKED))
                .body("detail", equalTo("账号已锁定，请1分钟后再试")).body("lockedUntil", notNullValue()).extract().path("lockedUntil");
        // locked: even the right password is refused, without counting
        login(address, user, PASSWORD).statusCode(423).body("type", equalTo(LOCKED));
        assertEquals(1, count(region, id, "LOCKED"));
        assertEquals(5, count(region, id, "LOGIN_FAILED"));
        assertTrue(count(region, id, "LOGIN_REFUSED_LOCKED") >= 1);
        Api.supervisor(region).get(Api.base(region) + "/accounts/" + id).then().statusCode(200).body("lockedUntil", notNullValue());

        // the test profile locks for 3 s: wait for the window to end, then the right password works
        OffsetDateTime end = OffsetDateTime.parse(until);
        while (OffsetDateTime.now().isBefore(end.plusNanos(200_000_000))) {
            Thread.sleep(200);
        }
        login(address, user, PASSWORD).statusCode(200);
        // and the count started again from zero
        login(address, user, "Wrong#again").statusCode(401).body("type", equalTo(BAD));
        assertEquals(1, failedAttempts(region, id));
    }

    @Test
    void concurrentFailuresLockExactlyOnce() throws Exception {
        String region = Regions.fresh();
        String user = username("race");
        String id = account(region, user, "viewer", null);
        List<Integer> statuses = concurrently(10, () -> login(freshAddress(), user, "Wrong#pass1").extract().statusCode());
        assertEquals(4, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
        assertEquals(6, statuses.stream().filter(s -> s == 423).count(), statuses.toString());
        assertEquals(1, count(region, id, "LOCKED"));
        login(freshAddress(), user, PASSWORD).statusCode(423);

        // four concurrent failures leave it open
        String other = username("race4");
        account(region, other, "viewer", null);
        List<Integer> four = concurrently(4, () -> login(freshAddress(), other, "Wrong#pass1").extract().statusCode());
        assertEquals(List.of(401, 401, 401, 401), four);
        login(freshAddress(), other, PASSWORD).statusCode(200);
    }

    @Test
    void oneAddressIsLimitedOthersAreNot() {
        String address = freshAddress();
        String user = username("spray");
        for (int i = 0; i < 12; i++) { // the test profile allows 12 attempts a minute
            login(address, user, "Wrong#pass1").statusCode(401);
        }
        login(address, user, "Wrong#pass1").statusCode(429).header("Retry-After", notNullValue())
                .body("type", equalTo("https://duban.io/problems/too-many-attempts"));
        login(freshAddress(), user, "Wrong#pass1").statusCode(401);
    }

    @Test
    void newPasswordMustFollowTheRule() {
        String region = Regions.fresh();
        String user = username("weak");
        account(region, user, "viewer", null);
        String token = login(freshAddress(), user, PASSWORD).statusCode(200).extract().path("accessToken");
        bearer(token).body(Map.of("currentPassword", PASSWORD, "newPassword", "abcdefgh")).post("/api/v1/auth/password")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("newPassword"))
                .body("errors[0].message", equalTo("密码至少8位，且包含大写字母、小写字母、数字、符号中的三类"));
        bearer(token).body(Map.of("currentPassword", "Wrong#pass1", "newPassword", "Better#pass2")).post("/api/v1/auth/password")
                .then().statusCode(400).body("errors[0].field", equalTo("currentPassword"));
        bearer(token).body(Map.of("currentPassword", PASSWORD, "newPassword", "Better#pass2")).post("/api/v1/auth/password")
                .then().statusCode(204);
        login(freshAddress(), user, PASSWORD).statusCode(401);
        login(freshAddress(), user, "Better#pass2").statusCode(200);
        SignIn.from(freshAddress()).post("/api/v1/auth/password").then().statusCode(401);
    }

    @Test
    void generatedPasswordMustBeChangedBeforeAnythingElse() {
        String region = Regions.fresh();
        String user = username("fresh");
        var created = Api.supervisor(region).contentType("application/json")
                .body(Map.of("username", user, "displayName", "新同事", "role", "viewer"))
                .post(Api.base(region) + "/accounts").then().statusCode(201)
                .body("mustChangePassword", equalTo(true)).body("initialPassword", notNullValue()).extract();
        String initial = created.path("initialPassword");
        var session = login(freshAddress(), user, initial).statusCode(200).body("mustChangePassword", equalTo(true)).extract();
        String restricted = session.path("accessToken");
        bearer(restricted).get(Api.base(region) + "/units").then().statusCode(403);
        bearer(restricted).get("/api/v1/auth/me").then().statusCode(200).body("mustChangePassword", equalTo(true));
        bearer(restricted).body(Map.of("currentPassword", initial, "newPassword", "Mine#2024ok")).post("/api/v1/auth/password")
                .then().statusCode(204);
        String full = refresh(session.path("refreshToken")).statusCode(200).body("mustChangePassword", equalTo(false))
                .extract().path("accessToken");
        bearer(full).get(Api.base(region) + "/units").then().statusCode(200);
        login(freshAddress(), user, initial).statusCode(401);
        login(freshAddress(), user, "Mine#2024ok").statusCode(200).body("mustChangePassword", equalTo(false));
        assertEquals(1, count(region, java.util.UUID.fromString(created.path("id")).toString(), "PASSWORD_CHANGED"));
    }

    @Test
    void refreshTokensRotateAndLogoutRevokes() {
        String region = Regions.fresh();
        String user = username("rot");
        account(region, user, "viewer", null);
        var first = login(freshAddress(), user, PASSWORD).statusCode(200).body("refreshExpiresIn", equalTo(1800)).extract();
        String r1 = first.path("refreshToken");
        var second = refresh(r1).statusCode(200).extract();
        String r2 = second.path("refreshToken");
        assertNotEquals(r1, r2);
        bearer(second.path("accessToken")).get(Api.base(region) + "/units").then().statusCode(200);
        refresh(r1).statusCode(401).body("type", equalTo("https://duban.io/problems/invalid-refresh-token"));
        SignIn.from(freshAddress()).body(Map.of("refreshToken", r2)).post("/api/v1/auth/logout").then().statusCode(204);
        refresh(r2).statusCode(401);
        refresh("garbage").statusCode(401);
        refresh(region + ".nope").statusCode(401);
    }

    @Test
    void deactivationRevokesRefreshTokensAndSignIn() {
        String region = Regions.fresh();
        String user = username("gone");
        String id = account(region, user, "viewer", null);
        String r = login(freshAddress(), user, PASSWORD).statusCode(200).extract().path("refreshToken");
        Api.supervisor(region).post(Api.base(region) + "/accounts/" + id + "/deactivation").then().statusCode(204);
        Api.supervisor(region).post(Api.base(region) + "/accounts/" + id + "/deactivation").then().statusCode(204);
        refresh(r).statusCode(401);
        login(freshAddress(), user, PASSWORD).statusCode(401).body("type", equalTo(BAD));
        Api.supervisor(region).get(Api.base(region) + "/accounts/" + id).then().body("active", equalTo(false));
    }

    @Test
    void passwordResetGivesATemporaryPasswordAndEndsSessions() {
        String region = Regions.fresh();
        String user = username("reset");
        String id = account(region, user, "viewer", null);
        String address = freshAddress();
        String r = login(address, user, PASSWORD).statusCode(200).extract().path("refreshToken");
        for (int i = 0; i < 5; i++) {
            login(address, user, "Wrong#pass1");
        }
        String temp = Api.supervisor(region).post(Api.base(region) + "/accounts/" + id + "/password-reset").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().path("temporaryPassword");
        refresh(r).statusCode(401);
        login(address, user, PASSWORD).statusCode(401);
        login(address, user, temp).statusCode(200).body("mustChangePassword", equalTo(true)).body("account.lockedUntil", nullValue());
    }

    private List<Integer> concurrently(int n, java.util.concurrent.Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            out.sort(null);
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    long count(String region, String accountId, String kind) {
        return query("select count(*) from auth_event where region = ? and account_id = ?::uuid and kind = ?", region, accountId, kind);
    }

    long failedAttempts(String region, String accountId) {
        return query("select failed_attempts from account where region = ? and id = ?::uuid", region, accountId);
    }

    private long query(String sql, String... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> header(String token) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPublicKey testPublicKey() throws Exception {
        try (var in = SignInTest.class.getResourceAsStream("/duban-test-public.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}
