package io.duban.console.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The console's gate, without any service behind it: who has no session goes to the login page. */
@QuarkusTest
class SessionFilterTest {

    @Test
    void aPageWithoutASessionGoesToTheLoginPageWithTheWayBack() {
        given().redirects().follow(false).get("/dashboard?asOf=2023-10-09").then().statusCode(303)
                .header("Location", endsWith("/login?next=%2Fdashboard%3FasOf%3D2023-10-09"));
    }

    @Test
    void aForgedCookieIsNoSession() {
        given().redirects().follow(false).cookie(SessionCookies.SESSION, "forged").get("/workbench").then().statusCode(303)
                .header("Location", containsString("/login"));
    }

    @Test
    void theLoginPageCarriesTheSecurityHeadersAndACsrfCookie() {
        given().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("'unsafe-eval'")))
                .header("X-Content-Type-Options", "nosniff")
                .cookie(SessionCookies.LOGIN_CSRF)
                .body(containsString("<label for=\"username\">用户名</label>"))
                .body(not(containsString("<script>")));
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefused() {
        given().formParam("username", "dsj_admin").formParam("password", "x").post("/login").then().statusCode(400)
                .body(containsString("页面已过期"));
    }

    @Inject
    SessionCodec codec;

    private String sealed(boolean mustChangePassword, boolean totpEnrolmentRequired, long lastSeen) {
        long now = java.time.Instant.now().getEpochSecond();
        return codec.seal(new Session("access", "refresh", now + 1800, "a1", "dsj_admin", "管理员", "supervisor", "370323",
                null, null, mustChangePassword, "csrf", lastSeen, totpEnrolmentRequired));
    }

    @Test
    void aSupervisorWhoMustEnrolASecondFactorSeesOnlyTheEnrolmentPage() {
        String cookie = sealed(false, true, java.time.Instant.now().getEpochSecond());
        given().redirects().follow(false).cookie(SessionCookies.SESSION, cookie).get("/dashboard").then().statusCode(303)
                .header("Location", endsWith("/account/totp"));
        // the password comes first when both are due
        given().redirects().follow(false).cookie(SessionCookies.SESSION, sealed(true, true, java.time.Instant.now().getEpochSecond()))
                .get("/account/totp").then().statusCode(303).header("Location", endsWith("/account/password"));
    }

    @Test
    void anIdleSessionGoesToTheLoginPageMarkedExpiredWithTheWayBack() {
        // the test profile's idle timeout is the default 30 minutes
        String cookie = sealed(false, false, java.time.Instant.now().getEpochSecond() - 31 * 60);
        given().redirects().follow(false).cookie(SessionCookies.SESSION, cookie).get("/plans?asOf=2023-10-09").then()
                .statusCode(303).header("Location", endsWith("/login?next=%2Fplans%3FasOf%3D2023-10-09&expired=1"))
                .header("Set-Cookie", containsString(SessionCookies.SESSION + "=;"));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String header = SessionCookies.cookie(SessionCookies.SESSION, "v", true, -1).toString();
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Lax")
                && header.contains("Secure"), header);
    }
}
