package io.duban.testing;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/**
 * The requests every service's test {@code Api} starts from: a bearer token, a region's base path. Each service's
 * {@code Api} extends this and adds the builders of its own API; its static methods are inherited, so tests call
 * (or statically import) {@code Api.as}, {@code Api.base} and {@code Api.supervisor} as before.
 */
public class RestApi {

    protected RestApi() {
    }

    /** The path every region-scoped resource lives under. */
    public static String base(String region) {
        return "/api/v1/regions/" + region;
    }

    /** A request carrying {@code token} as its bearer credential. */
    public static RequestSpecification as(String token) {
        return given().header("Authorization", Tokens.bearer(token));
    }

    /** A request as the region's supervisor. */
    public static RequestSpecification supervisor(String region) {
        return as(Tokens.supervisor(region));
    }
}
