package io.duban.task;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNull;

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
}
