package io.duban.console.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
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

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String header = SessionCookies.cookie(SessionCookies.SESSION, "v", true, -1).toString();
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Lax")
                && header.contains("Secure"), header);
    }
}
