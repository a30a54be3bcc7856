package io.duban.org;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.testing.OpenApiContract;
import io.duban.testing.OpenApiDrift;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** openapi/org-service.yaml is the service's generated document; regenerate with -Dduban.openapi.write=true. */
@QuarkusTest
class OpenApiDriftTest {

    @Test
    void checkedInDocumentMatchesTheCode() {
        String yaml = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        assertNull(OpenApiDrift.check("org-service", yaml));
    }

    @Test
    void problemAnswersAreDocumentedWhereTheyCanOccur() {
        io.restassured.path.json.JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        String put = "paths.'/api/v1/regions/{region}/units/{id}'.put.responses";
        for (String status : new String[] {"400", "404", "412", "428"}) {
            org.junit.jupiter.api.Assertions.assertEquals("#/components/schemas/Problem",
                    doc.getString(put + ".'" + status + "'.content.'application/problem+json'.schema.'$ref'"), status);
        }
        // a list has no If-Match and names no single resource
        java.util.Map<String, Object> list = doc.getMap("paths.'/api/v1/regions/{region}/units'.get.responses");
        org.junit.jupiter.api.Assertions.assertTrue(list.containsKey("400") && !list.containsKey("404") && !list.containsKey("412"));
        org.junit.jupiter.api.Assertions.assertNotNull(doc.getMap("components.schemas.Problem.properties.errors"));
    }

    /** What other systems generate clients from: operationIds, tags, response descriptions, servers, licence. */
    @Test
    void theDocumentHasWhatAClientGeneratorNeeds() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(), OpenApiContract.problems(json));
    }
}
