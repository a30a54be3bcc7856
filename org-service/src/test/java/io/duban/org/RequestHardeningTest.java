package io.duban.org;

import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import static io.duban.org.Api.base;
import static io.duban.org.Api.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** What a black-box probe of org-service tried: odd bodies, odd files, odd headers, stale tokens. */
@QuarkusTest
class RequestHardeningTest {

    final String region = Regions.fresh();

    @Test
    void nulInAContactNameIs400NamingTheFieldAndStoresNothing() {
        supervisor(region).contentType(ContentType.JSON)
                .body("{\"name\":\"县甲局\",\"kind\":\"DEPARTMENT\",\"aliases\":[],\"contacts\":[{\"name\":\"张\\u0000三\"}]}")
                .post(base(region) + "/units").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contacts[0].name"));
        supervisor(region).get(base(region) + "/units").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void controlCharacterInAnImportedTsvIs400NamingLineAndColumn() {
        Api.importTsv(region, "name\tkind\taliases\tparent\n县甲局\tDEPARTMENT\t\t\n县乙\u0000局\tDEPARTMENT\t\t\n")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 3")).body("errors[0].message", containsString("name"));
        supervisor(region).get(base(region) + "/units").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void duplicateKeysAreA400() {
        supervisor(region).contentType(ContentType.JSON)
                .body("{\"name\":\"县甲局\",\"name\":\"县乙局\",\"kind\":\"DEPARTMENT\",\"aliases\":[]}")
                .post(base(region) + "/units").then().statusCode(400).contentType("application/problem+json");
        supervisor(region).contentType(ContentType.JSON).body("{\"name\":true,\"kind\":\"DEPARTMENT\",\"aliases\":[]}")
                .post(base(region) + "/units").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void locationIsAPathNotTheRequestsHost() {
        Response r = supervisor(region).header("Host", "evil.example").contentType(ContentType.JSON)
                .body("{\"name\":\"县丙局\",\"kind\":\"DEPARTMENT\",\"aliases\":[]}").post(base(region) + "/units");
        r.then().statusCode(201).header("Location", equalTo(base(region) + "/units/" + r.path("id")));
        Response g = supervisor(region).header("Host", "evil.example").contentType(ContentType.JSON)
                .body("{\"name\":\"县丙组\",\"aliases\":[],\"kinds\":[\"DEPARTMENT\"]}").post(base(region) + "/groups");
        g.then().statusCode(201).header("Location", equalTo(base(region) + "/groups/" + g.path("id")));
    }

    @Test
    void hugePageIs400() {
        supervisor(region).queryParam("page", 1_000_000_000).get(base(region) + "/units").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    @Test
    void aTokenExpiredTwentySecondsAgoIsRefused() {
        Api.as(Tokens.expired(region, 20)).get(base(region) + "/units").then().statusCode(401);
    }

    /** A malformed query parameter is a 400 naming it, the same in every service (JAX-RS alone would answer 404). */
    @ParameterizedTest
    @CsvSource({"page,abc", "size,-1", "size,100000", "page,0", "size,1e3"})
    void malformedPagingIs400NamingTheParameter(String name, String value) {
        supervisor(region).queryParam(name, value).get(base(region) + "/units").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(name));
    }
}
