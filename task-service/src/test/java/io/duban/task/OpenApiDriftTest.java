package io.duban.task;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.testing.OpenApiContract;
import io.duban.testing.OpenApiDrift;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** openapi/task-service.yaml is the service's generated document; regenerate with -Dduban.openapi.write=true. */
@QuarkusTest
class OpenApiDriftTest {

    @Test
    void checkedInDocumentMatchesTheCode() {
        String yaml = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        assertNull(OpenApiDrift.check("task-service", yaml));
    }

    /** What other systems generate clients from: operationIds, tags, response descriptions, servers, licence. */
    @Test
    void theDocumentHasWhatAClientGeneratorNeeds() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(), OpenApiContract.problems(json));
    }
}
