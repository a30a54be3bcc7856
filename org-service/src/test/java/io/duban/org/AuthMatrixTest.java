package io.duban.org;

import static io.restassured.RestAssured.given;

import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what: every endpoint × every kind of caller × own/other region. Readers are
 * supervisor, viewer, unit and system; only the supervisor writes units and groups.
 */
@QuarkusTest
class AuthMatrixTest {

    private static final String REGION = Regions.fresh();
    private static final String OTHER = Regions.fresh();
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static String unitId;
    /** Signing with a fresh RSA key is slow; one forged token serves every cell. */
    private static final String FORGED = Tokens.forged(REGION);

    enum Caller { NONE, FORGED, OTHER_REGION, SUPERVISOR, VIEWER, UNIT, SYSTEM, SYSTEM_ANY_REGION, NO_ROLE }

    enum Endpoint {
        LIST_UNITS("GET", "/units", false, 200),
        GET_UNIT("GET", "/units/{id}", false, 200),
        CREATE_UNIT("POST", "/units", true, 201),
        PUT_UNIT("PUT", "/units/{id}", true, 412),
        DELETE_UNIT("DELETE", "/units/{id}", true, 204),
        IMPORT_UNITS("POST", "/units/import", true, 200),
        LIST_GROUPS("GET", "/groups", false, 200),
        GET_GROUP("GET", "/groups/builtin-towns", false, 200),
        CREATE_GROUP("POST", "/groups", true, 201),
        RESOLVE("POST", "/responsibility/resolve", false, 200),
        RESOLVE_BATCH("POST", "/responsibility/resolve-batch", false, 200);

        final String method;
        final String path;
        final boolean write;
        final int success;

        Endpoint(String method, String path, boolean write, int success) {
            this.method = method;
            this.path = path;
            this.write = write;
            this.success = success;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            for (Caller c : Caller.values()) {
                cells.add(Arguments.of(e, c, expected(e, c)));
            }
        }
        return cells.stream();
    }

    static int expected(Endpoint e, Caller c) {
        return switch (c) {
            case NONE, FORGED -> 401;
            case OTHER_REGION, NO_ROLE -> 403;
            case SUPERVISOR -> e.success;
            case VIEWER, UNIT, SYSTEM, SYSTEM_ANY_REGION -> e.write ? 403 : e.success;
        };
    }

    @BeforeEach
    void oneUnitToActOn() {
        if (unitId == null) {
            unitId = Api.createUnit(REGION, "县财政局", "DEPARTMENT");
        }
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @MethodSource("matrix")
    void callerMayOnlyDoWhatItsRoleAllows(Endpoint e, Caller c, int status) {
        RequestSpecification spec = given();
        String token = switch (c) {
            case NONE -> null;
            case FORGED -> FORGED;
            case OTHER_REGION -> Tokens.supervisor(OTHER);
            case SUPERVISOR -> Tokens.supervisor(REGION);
            case VIEWER -> Tokens.viewer(REGION);
            case UNIT -> Tokens.unit(REGION, unitId);
            case SYSTEM -> Tokens.system(REGION);
            case SYSTEM_ANY_REGION -> Tokens.system("*");
            case NO_ROLE -> Tokens.token(REGION, Set.of("guest"), null);
        };
        if (token != null) {
            spec = spec.header("Authorization", Tokens.bearer(token));
        }
        String path = Api.base(REGION) + e.path.replace("{id}", unitId);
        int n = SEQ.incrementAndGet();
        spec = switch (e) {
            case CREATE_UNIT -> spec.contentType("application/json")
                    .body("{\"name\":\"县测试局" + n + "\",\"kind\":\"DEPARTMENT\"}");
            case PUT_UNIT -> spec.contentType("application/json").header("If-Match", "\"999\"")
                    .body("{\"name\":\"县财政局\",\"kind\":\"DEPARTMENT\"}");
            case IMPORT_UNITS -> spec.contentType(Api.TSV).body("name\tkind\taliases\tparent\n");
            case CREATE_GROUP -> spec.contentType("application/json")
                    .body("{\"name\":\"专班" + n + "\",\"kinds\":[\"TOWN\"]}");
            case RESOLVE -> spec.contentType("application/json").body("{\"text\":\"县财政局\"}");
            case RESOLVE_BATCH -> spec.contentType("application/json").body("{\"texts\":[\"县财政局\"]}");
            default -> spec;
        };
        spec.request(e.method, path).then().statusCode(status);
    }

    @ParameterizedTest
    @MethodSource("badRegions")
    void aRegionThatIsNotSixDigitsIs404(String region) {
        Api.as(Tokens.system("*")).get("/api/v1/regions/" + region + "/units").then().statusCode(404)
                .contentType("application/problem+json");
    }

    static Stream<String> badRegions() {
        return Stream.of("12345", "1234567", "abcdef");
    }
}
