package io.duban.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SharedWebBehaviourTest {

    final String region = Regions.fresh();

    @Test
    void missingTokenIs401ProblemJson() {
        given().get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("type", startsWith("https://duban.io/problems/"));
    }

    @Test
    void forgedTokenIs401() {
        given().auth().oauth2(Tokens.forged(region)).get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenOfAnotherRegionIs403() {
        given().auth().oauth2(Tokens.supervisor(Regions.fresh())).get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void malformedRegionIs404() {
        given().auth().oauth2(Tokens.supervisor(region)).get("/api/v1/regions/{r}/probe", "37x323")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void roleThatMayNotWriteIs403() {
        given().auth().oauth2(Tokens.viewer(region)).contentType("application/json").body("{\"title\":\"a\"}")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void ownRegionPasses() {
        given().auth().oauth2(Tokens.unit(region, "u-1")).get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(200).body("region", equalTo(region)).body("unit", equalTo("u-1"));
    }

    @Test
    void unitTokenSeesOnlyItsOwnUnit() {
        given().auth().oauth2(Tokens.unit(region, "u-1")).get("/api/v1/regions/{r}/probe/units/u-2", region)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.unit(region, "u-1")).get("/api/v1/regions/{r}/probe/units/u-1", region)
                .then().statusCode(200);
    }

    @Test
    void beanValidationNamesTheField() {
        given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json").body("{\"title\":\"\",\"count\":1}")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
    }

    @Test
    void unreadableJsonIs400() {
        given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json").body("{\"title\":")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json").body("{\"title\":\"x\",\"count\":\"many\"}")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("count"));
    }

    @Test
    void badPagingIs400() {
        given().auth().oauth2(Tokens.supervisor(region)).queryParam("size", 100000)
                .get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        given().auth().oauth2(Tokens.supervisor(region)).queryParam("page", "abc")
                .get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void ifMatchIsRequiredAndChecked() {
        given().auth().oauth2(Tokens.supervisor(region)).put("/api/v1/regions/{r}/probe", region)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor(region)).header("If-Match", "\"2\"").put("/api/v1/regions/{r}/probe", region)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(Tokens.supervisor(region)).header("If-Match", "\"3\"").put("/api/v1/regions/{r}/probe", region)
                .then().statusCode(200);
    }

    @Test
    void unexpectedFailureLeaksNothing() {
        given().auth().oauth2(Tokens.supervisor(region)).get("/api/v1/regions/{r}/probe/boom", region)
                .then().statusCode(500).contentType("application/problem+json")
                .body("detail", not(containsString("secret")));
    }

    @Test
    void unknownPathIs404ProblemJson() {
        given().auth().oauth2(Tokens.supervisor(region)).get("/api/v1/nothing-here")
                .then().statusCode(404);
    }

    @Test
    void duplicateKeysTrailingTokensAndCoercionsAre400() {
        for (String body : new String[] {
                "{\"title\":\"a\",\"title\":\"b\",\"count\":1}",
                "{\"title\":\"a\",\"count\":1} {\"x\":1}",
                "{\"title\":\"a\",\"count\":1.5}",
                "{\"title\":5,\"count\":1}",
                "{\"title\":true,\"count\":1}",
                "{\"title\":\"a\",\"count\":true}",
                "{\"title\":\"a\",\"count\":1,\"on\":123}",
                "{\"title\":\"a\",\"count\":1,\"on\":[]}",
                "{\"title\":\"a\",\"count\":1,\"on\":[2024,5,6]}"}) {
            given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json").body(body)
                    .post("/api/v1/regions/{r}/probe", region)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json")
                .body("{\"title\":\"a\",\"count\":1,\"on\":\"2024-05-06\"}")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(200).body("on", equalTo("2024-05-06"));
    }

    @Test
    void controlCharacterInABodyStringIs400NamingTheField() {
        given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json")
                .body("{\"title\":\"a\\u0000b\",\"count\":1}")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title")).body("detail", containsString("title"));
        given().auth().oauth2(Tokens.supervisor(region)).contentType("application/json")
                .body("{\"title\":\"a\\tb\",\"count\":1}")
                .post("/api/v1/regions/{r}/probe", region)
                .then().statusCode(200);
    }

    @Test
    void controlCharacterInAQueryParameterIs400AndInAPathIs404() {
        given().auth().oauth2(Tokens.supervisor(region)).urlEncodingEnabled(false)
                .get("/api/v1/regions/" + region + "/probe?size=%00")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("size"));
        given().auth().oauth2(Tokens.supervisor(region)).urlEncodingEnabled(false)
                .get("/api/v1/regions/" + region + "/probe/units/%00")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void hugePageNumberIs400NotAnOverflow() {
        given().auth().oauth2(Tokens.supervisor(region)).queryParam("page", 1_000_000_000)
                .get("/api/v1/regions/{r}/probe", region)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("page"));
    }
}
