package io.duban.org.auth;

import static io.restassured.RestAssured.given;

import io.duban.org.Api;
import io.duban.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test helpers for accounts and sign-in. Every test signs in from its own client address (X-Forwarded-For, which
 * the service trusts from 127.0.0.1) so the per-address limit of one test never touches another.
 */
public final class SignIn {

    public static final String PASSWORD = "Dbtest#2024x";
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    private SignIn() {
    }

    /** A client address no other test uses. */
    public static String freshAddress() {
        int n = ADDRESS.getAndIncrement();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    public static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON);
    }

    /** Creates an account with {@link #PASSWORD}, not required to change it; returns its id. */
    public static String account(String region, String username, String role, String unitId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "测试 " + username);
        body.put("role", role);
        if (unitId != null) {
            body.put("unitId", unitId);
        }
        body.put("password", PASSWORD);
        body.put("mustChangePassword", false);
        return Api.supervisor(region).contentType(ContentType.JSON).body(body).post(Api.base(region) + "/accounts")
                .then().statusCode(201).extract().path("id");
    }

    /** A username unique across test runs in the shared test database. */
    public static String username(String prefix) {
        return prefix + "_" + Long.toString(System.nanoTime() % 100_000_000_000L, 36) + ADDRESS.getAndIncrement();
    }

    public static ValidatableResponse login(String address, String username, String password) {
        return from(address).body(Map.of("username", username, "password", password)).post("/api/v1/auth/login").then();
    }

    public static ValidatableResponse login(String address, String username, String password, String totp) {
        return from(address).body(Map.of("username", username, "password", password, "totp", totp)).post("/api/v1/auth/login").then();
    }

    public static ValidatableResponse refresh(String refreshToken) {
        return from(freshAddress()).body(Map.of("refreshToken", refreshToken)).post("/api/v1/auth/refresh").then();
    }

    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", Tokens.bearer(token)).contentType(ContentType.JSON);
    }
}
