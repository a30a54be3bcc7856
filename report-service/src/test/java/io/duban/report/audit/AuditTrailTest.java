package io.duban.report.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.duban.testing.AuditInTransaction;
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
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** report-service's audit trail: every export of a document (考核 Excel, CSV) is recorded; plain JSON reads are not. */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class AuditTrailTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    AuditJobs jobs;

    @Inject
    AgroalDataSource db;

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

    /**
     * Writes that commit their record inside their own transaction (findings, with and without an Idempotency-Key; the
     * alert channels) leave exactly one record each, never a second from the response filter; a stale If-Match, refused
     * after the transaction rolled back, leaves only the refusal.
     */
    @Test
    void writesInATransactionLeaveExactlyOneRecordEach() {
        String region = Regions.fresh();
        String base = "/api/v1/regions/" + region;
        io.duban.report.support.Snapshots.PlanBuilder p = io.duban.report.support.Snapshots.plan(region);
        io.duban.report.support.Snapshots.TaskBuilder t = io.duban.report.support.Snapshots.task(p).seq(1)
                .deadline("2023年12月底前", new io.duban.deadlines.rule.DeadlineRule.Fixed(java.time.LocalDate.of(2023, 12, 31)));
        io.duban.report.support.FeedScript.publish(p.item(), t.item(),
                io.duban.report.support.Snapshots.assignment(t, "u-x", "县商务局", "LEAD").item());
        Api.sync().statusCode(200);
        java.util.Map<String, Object> finding = java.util.Map.of("unitId", "u-x", "foundOn", "2023-09-01", "source", "DAILY_CHECK",
                "description", "政策解读未同步发布", "points", 1);
        String keyed = Api.as(Tokens.supervisor(region)).contentType("application/json").header("Idempotency-Key", "f-" + region)
                .body(finding).post(base + "/findings").then().statusCode(201).extract().path("id");
        String plain = Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(java.util.Map.of("unitId", "u-x", "foundOn", "2023-09-02", "source", "DAILY_CHECK", "description", "栏目更新不及时",
                        "points", 1))
                .post(base + "/findings").then().statusCode(201).extract().path("id");
        java.util.Map<String, Object> channels = java.util.Map.of("default", java.util.Map.of("url", "https://hooks.example.org/duban",
                "format", "GENERIC"));
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"").body(channels)
                .put(base + "/alert-channels").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"").body(channels)
                .put(base + "/alert-channels").then().statusCode(412);
        sealed(region);

        JsonPath page = Api.as(Tokens.supervisor(region)).get(base + "/audit?size=100").then().statusCode(200).extract().jsonPath();
        java.util.Map<String, Long> perWrite = new java.util.TreeMap<>();
        for (java.util.Map<String, Object> r : page.<java.util.Map<String, Object>>getList("items")) {
            perWrite.merge(r.get("method") + " " + r.get("route") + " " + r.get("status"), 1L, Long::sum);
        }
        assertEquals(java.util.Map.of(
                "POST /api/v1/regions/{region}/findings 201", 2L,
                "PUT /api/v1/regions/{region}/alert-channels 200", 1L,
                "PUT /api/v1/regions/{region}/alert-channels 412", 1L), perWrite);
        for (String id : List.of(keyed, plain)) {
            assertEquals(1, Api.as(Tokens.supervisor(region)).get(base + "/audit?resource=" + id).then().statusCode(200)
                    .extract().jsonPath().getInt("total"), "records naming finding " + id);
        }
        Api.as(Tokens.supervisor(region)).get(base + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
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

    /** See {@link AuditInTransaction#records}. */
    long[] records(String region, String method, String route, int status, String id, String factXmin, Object... factParams)
            throws SQLException {
        return AuditInTransaction.records(db, region, method, route, status, id, factXmin, factParams);
    }

    /**
     * The profile, the supervision settings, a 通报 draft and the 考核 finalize commit their record in the fact's own
     * transaction: exactly one record each, naming the resource, with the status answered, written by the transaction
     * that wrote the row; a second finalize (nothing written) leaves only its 409.
     */
    @Test
    void profileSettingsBulletinAndFinalizeCommitTheirRecordWithTheFact() throws SQLException {
        String region = Regions.fresh();
        String base = "/api/v1/regions/" + region;
        Scenario.load(region);
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("maxExtensions", 2, "rectifyWorkingDays", 15, "urgeReportThreshold", 4))
                .put(base + "/supervision-settings").then().statusCode(200);
        String bulletin = Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post(base + "/bulletins").then().statusCode(201).extract().path("id");
        Api.as(Tokens.supervisor(region)).post(base + "/assessments/2023/finalize").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).post(base + "/assessments/2023/finalize").then().statusCode(409);

        assertArrayEquals(new long[] {1, 1}, records(region, "PUT", "/api/v1/regions/{region}/profile", 200, null,
                "select xmin from region_profile where region = ?", region), "the profile");
        assertArrayEquals(new long[] {1, 1}, records(region, "PUT", "/api/v1/regions/{region}/supervision-settings", 200, null,
                "select xmin from supervision_settings where region = ?", region), "the settings");
        assertArrayEquals(new long[] {1, 1}, records(region, "POST", "/api/v1/regions/{region}/bulletins", 201, bulletin,
                "select xmin from bulletin where region = ? and id = ?::uuid", region, bulletin), "the 通报 draft");
        String finalize = "/api/v1/regions/{region}/assessments/{year}/finalize";
        String assessment = "select xmin from assessment where region = ? and year = 2023";
        assertArrayEquals(new long[] {1, 1}, records(region, "POST", finalize, 200, "2023", assessment, region), "the finalize");
        assertArrayEquals(new long[] {1, 0}, records(region, "POST", finalize, 409, "2023", assessment, region), "the second: refused");
        sealed(region);
        Api.as(Tokens.supervisor(region)).get(base + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * A 通报 draft whose transaction fails at its commit (a deferred trigger, after the record was written in it) leaves no
     * bulletin and no 201 record: only the failure the response filter records.
     */
    @Test
    void aBulletinRolledBackAtCommitLeavesNoSuccessRecord() throws SQLException {
        String region = Regions.fresh();
        String base = "/api/v1/regions/" + region;
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县大数据中心"))
                .put(base + "/profile").then().statusCode(200);
        AuditInTransaction.AfterFailure after = AuditInTransaction.failingAtCommit(db, "bulletin", region,
                "/api/v1/regions/{region}/bulletins", () -> Api.as(Tokens.supervisor(region)).contentType("application/json")
                        .body(Map.of("year", 2023, "quarter", 3)).post(base + "/bulletins").then().extract().statusCode());
        assertTrue(after.status() >= 500, "answered " + after.status());
        assertEquals(0, after.facts(), "no bulletin");
        assertEquals(0, after.successRecords(), "no success record");
        assertEquals(1, after.failureRecords(), "the failure, recorded by the response filter");
    }
}
