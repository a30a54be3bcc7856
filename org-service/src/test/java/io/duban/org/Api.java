package io.duban.org;

import io.duban.testing.Fixtures;
import io.duban.testing.RestApi;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;

/** Small builders for the org-service API in tests, so each test reads as the behaviour it checks. */
public final class Api extends RestApi {

    public static final String TSV = "text/tab-separated-values; charset=UTF-8";

    private Api() {
    }

    /** Imports the real 沂源县 units into the region. */
    public static void importDemoUnits(String region) {
        importTsv(region, Fixtures.text(Fixtures.UNITS_TSV)).statusCode(200);
    }

    public static ValidatableResponse importTsv(String region, String tsv) {
        return supervisor(region).contentType(TSV).body(tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(base(region) + "/units/import").then();
    }

    /** Creates a unit and returns its id. */
    public static String createUnit(String region, String name, String kind) {
        return supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", kind, "aliases", List.of()))
                .post(base(region) + "/units").then().statusCode(201).extract().path("id");
    }

    /** The id of a unit by exact name. */
    public static String unitId(String region, String name) {
        List<String> ids = supervisor(region).queryParam("q", name).queryParam("size", 500)
                .get(base(region) + "/units").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.name == '" + name + "' }.id");
        if (ids.size() != 1) {
            throw new AssertionError("expected one unit named " + name + ", got " + ids);
        }
        return ids.get(0);
    }
}
