package io.duban.org.account;

import static io.restassured.RestAssured.given;

import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may manage accounts, API clients and the security policy: every such endpoint × every kind of caller. Only
 * the region's supervisor (and a system token) get past the door; what they get is the endpoint's own answer to
 * the request sent (an empty body is a 400, an unknown id a 404, a PUT without If-Match a 428).
 */
@QuarkusTest
class AccountAuthMatrixTest {

    private static final String REGION = Regions.fresh();
    private static final String OTHER = Regions.fresh();
    private static final String FORGED = Tokens.forged(REGION);
    private static final String NOBODY = UUID.randomUUID().toString();

    enum Caller { NONE, FORGED, OTHER_REGION, VIEWER, UNIT, NO_ROLE, SUPERVISOR, SYSTEM }

    enum Endpoint {
        LIST_ACCOUNTS("GET", "/accounts", 200),
        CREATE_ACCOUNT("POST", "/accounts", 400),
        GET_ACCOUNT("GET", "/accounts/" + NOBODY, 404),
        DEACTIVATE_ACCOUNT("POST", "/accounts/" + NOBODY + "/deactivation", 404),
        RESET_PASSWORD("POST", "/accounts/" + NOBODY + "/password-reset", 404),
        RESET_TOTP("POST", "/accounts/" + NOBODY + "/totp-reset", 404),
        GET_POLICY("GET", "/security-policy", 200),
        PUT_POLICY("PUT", "/security-policy", 428),
        LIST_CLIENTS("GET", "/api-clients", 200),
        CREATE_CLIENT("POST", "/api-clients", 400),
        ROTATE_SECRET("POST", "/api-clients/" + NOBODY + "/secret", 404),
        DEACTIVATE_CLIENT("POST", "/api-clients/" + NOBODY + "/deactivation", 404);

        final String method;
        final String path;
        final int success;

        Endpoint(String method, String path, int success) {
            this.method = method;
            this.path = path;
            this.success = success;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            for (Caller c : Caller.values()) {
                int expected = switch (c) {
                    case NONE, FORGED -> 401;
                    case OTHER_REGION, VIEWER, UNIT, NO_ROLE -> 403;
                    case SUPERVISOR, SYSTEM -> e.success;
                };
                cells.add(Arguments.of(e, c, expected));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void onlyTheRegionsSupervisorManagesAccounts(Endpoint e, Caller c, int expected) {
        RequestSpecification r = given();
        String token = switch (c) {
            case NONE -> null;
            case FORGED -> FORGED;
            case OTHER_REGION -> Tokens.supervisor(OTHER);
            case VIEWER -> Tokens.viewer(REGION);
            case UNIT -> Tokens.unit(REGION, UUID.randomUUID().toString());
            case NO_ROLE -> Tokens.token(REGION, Set.of(), null);
            case SUPERVISOR -> Tokens.supervisor(REGION);
            case SYSTEM -> Tokens.system(REGION);
        };
        if (token != null) {
            r = r.header("Authorization", Tokens.bearer(token));
        }
        if (!e.method.equals("GET")) {
            r = r.contentType("application/json").body(e == Endpoint.PUT_POLICY ? "{\"supervisorTotpRequired\":false}" : "{}");
        }
        r.request(e.method, "/api/v1/regions/" + REGION + e.path).then().statusCode(expected);
    }
}
