package io.duban.report.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.common.audit.AuditJobs;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.Scenario;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** report-service's audit trail: every export of a document (考核 Excel, CSV) is recorded; plain JSON reads are not. */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class AuditTrailTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AuditJobs jobs;

    /**
     * Seals until none of the region's records waits: the commit horizon is the whole PostgreSQL cluster's, so on a
     * shared machine another database's open transaction can hold a round back.
     */
    void sealed(String region) {
        while (true) {
            jobs.sealAll().await().indefinitely();
            Number waiting = io.restassured.RestAssured.given().header("Authorization", "Bearer " + io.duban.testing.Tokens.supervisor(region))
                    .get("/api/v1/regions/" + region + "/audit/verification").then().statusCode(200).extract().path("unsealed");
            if (waiting.longValue() == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void documentExportsAreRecordedAndJsonReadsAreNot() {
        String region = Regions.fresh();
        String base = "/api/v1/regions/" + region;
        Scenario.load(region);
        sealed(region);

        Api.as(Tokens.viewer(region)).get(base + "/assessments/2023").then().statusCode(200);
        Api.as(Tokens.viewer(region)).accept(XLSX).get(base + "/assessments/2023").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).accept("text/csv").get(base + "/assessments/2023").then().statusCode(200);
        sealed(region);

        JsonPath page = Api.as(Tokens.supervisor(region)).get(base + "/audit?resource=2023").then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getInt("total"));
        assertEquals("GET", page.getString("items[1].method"));
        assertEquals("/api/v1/regions/{region}/assessments/{year}", page.getString("items[1].route"));
        assertEquals("test-viewer@" + region, page.getString("items[1].actor"));
        assertEquals(List.of("2023"), page.getList("items[1].resources"));
        Api.as(Tokens.supervisor(region)).get(base + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }
}
