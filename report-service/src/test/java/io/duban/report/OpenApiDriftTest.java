package io.duban.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.report.support.FakeTaskService;
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
}
