package io.duban.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.report.support.FakeTaskService;
import io.duban.testing.OpenApiContract;
import io.duban.testing.OpenApiDrift;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class OpenApiDriftTest {

    @Test
    void checkedInOpenApiMatchesTheService() {
        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertNull(OpenApiDrift.check("report-service", yaml));
    }

    /** What other systems generate clients from: operationIds, tags, response descriptions, servers, licence. */
    @Test
    void theDocumentHasWhatAClientGeneratorNeeds() {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertEquals(java.util.List.of(), OpenApiContract.problems(json));
    }
}
