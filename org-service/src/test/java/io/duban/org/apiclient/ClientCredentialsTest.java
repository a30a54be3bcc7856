package io.duban.org.apiclient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.org.Api;
import io.duban.org.auth.SignIn;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API clients and the OAuth 2.0 client credentials grant (RFC 6749 §4.4). */
@QuarkusTest
class ClientCredentialsTest {

    @Test
    void unitClientGetsAUnitTokenAndTheSecretRotates() {
        String region = Regions.fresh();
        String unitId = Api.createUnit(region, "县教育和体育局", "DEPARTMENT");
        var created = Api.supervisor(region).contentType("application/json")
                .body(Map.of("name", "教育局业务系统", "role", "unit", "unitId", unitId))
                .post(Api.base(region) + "/api-clients").then().statusCode(201)
                .header("Cache-Control", "no-store").body("unitId", equalTo(unitId)).body("active", equalTo(true)).extract();
        String id = created.path("id");
        String clientId = created.path("clientId");
        String secret = created.path("clientSecret");
        assertTrue(clientId.startsWith(region + "-"));

        String token = grant(clientId, secret).statusCode(200).header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(1800)).extract().path("access_token");
        SignIn.bearer(token).get(Api.base(region) + "/units").then().statusCode(200);
        SignIn.bearer(token).contentType("application/json").body(Map.of("name", "x", "kind", "DEPARTMENT"))
                .post(Api.base(region) + "/units").then().statusCode(403);
        // HTTP Basic works too
        given().auth().preemptive().basic(clientId, secret).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(200).body("access_token", notNullValue());

        Api.supervisor(region).get(Api.base(region) + "/api-clients").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].clientSecret", nullValue());

        String newSecret = Api.supervisor(region).post(Api.base(region) + "/api-clients/" + id + "/secret").then().statusCode(200)
                .extract().path("clientSecret");
        grant(clientId, secret).statusCode(401).body("error", equalTo("invalid_client"));
        grant(clientId, newSecret).statusCode(200);

        Api.supervisor(region).post(Api.base(region) + "/api-clients/" + id + "/deactivation").then().statusCode(204);
        grant(clientId, newSecret).statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void badRequestsGetOAuthErrors() {
        String region = Regions.fresh();
        var created = Api.supervisor(region).contentType("application/json").body(Map.of("name", "大屏", "role", "viewer"))
                .post(Api.base(region) + "/api-clients").then().statusCode(201).body("unitId", nullValue()).extract();
        String clientId = created.path("clientId");
        String secret = created.path("clientSecret");
        String viewerToken = grant(clientId, secret).statusCode(200).extract().path("access_token");
        SignIn.bearer(viewerToken).get(Api.base(region) + "/units").then().statusCode(200);

        given().header("X-Forwarded-For", SignIn.freshAddress()).formParam("grant_type", "password")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/api/v1/auth/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().header("X-Forwarded-For", SignIn.freshAddress()).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        grant("nobody", "x").statusCode(401).header("WWW-Authenticate", notNullValue());
        grant(region + "-nobody", secret).statusCode(401);

        Api.supervisor(region).contentType("application/json").body(Map.of("name", "x", "role", "unit"))
                .post(Api.base(region) + "/api-clients").then().statusCode(400).body("errors[0].field", equalTo("unitId"));
        Api.supervisor(region).contentType("application/json").body(Map.of("name", "x", "role", "supervisor"))
                .post(Api.base(region) + "/api-clients").then().statusCode(400).body("errors[0].field", equalTo("role"));
        Api.supervisor(Regions.fresh()).post(Api.base(region) + "/api-clients/" + created.path("id") + "/secret").then().statusCode(403);
        Api.supervisor(region).post(Api.base(region) + "/api-clients/" + java.util.UUID.randomUUID() + "/secret").then().statusCode(404);
        assertEquals(36, ((String) created.path("id")).length());
    }

    private static ValidatableResponse grant(String clientId, String secret) {
        return given().header("X-Forwarded-For", SignIn.freshAddress()).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret).post("/api/v1/auth/token").then();
    }
}
