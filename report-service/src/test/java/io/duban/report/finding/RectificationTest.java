package io.duban.report.finding;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 整改 → 复核 → 销号. A finding at 县商务局 (u-b) found 2023-09-01 gets rectifyBy = the 10th working day after it,
 * 2023-09-15 (the region's default), and is overdue from 2023-09-16 while still open.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class RectificationTest {

    String region;

    @BeforeEach
    void publish() {
        region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t = task(p).seq(5).deadline("2023年12月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        FeedScript.publish(p.item(), t.item(), assignment(t, "u-a", "县教育和体育局", "LEAD").item(),
                assignment(t, "u-b", "县商务局", "LEAD").item());
        Api.sync().statusCode(200);
    }

    @Test
    void aFindingIsRectifiedFailedOnceThenPassedAndClosed() {
        String id = record("u-b", Map.of()).body("rectifyBy", equalTo("2023-09-15")).body("rectification", equalTo("OPEN"))
                .extract().path("id");
        toVerifyOnTheDashboard(0);
        rectify("u-b", id, null).statusCode(201).body("rectifiedOn", equalTo("2023-09-10"));
        toVerifyOnTheDashboard(1);
        verify(id, "\"2\"", "FAIL", "佐证材料不全，请补充").statusCode(200).header("ETag", "\"3\"")
                .body("finding.rectification", equalTo("OPEN")).body("finding.rectifyBy", equalTo("2023-09-15"))
                .body("verifications[0].comment", equalTo("佐证材料不全，请补充"));
        toVerifyOnTheDashboard(0);
        rectify("u-b", id, null).statusCode(201);
        toVerifyOnTheDashboard(1);
        verify(id, "\"4\"", "PASS", "已整改到位，予以销号").statusCode(200)
                .body("finding.rectification", equalTo("CLOSED")).body("rectifications", hasSize(2))
                .body("verifications.decision", contains("FAIL", "PASS")).body("verifications[1].verifiedBy", notNullValue());
        toVerifyOnTheDashboard(0);
        rectify("u-b", id, null).statusCode(409);
        Api.as(Tokens.unit(region, "u-b")).get(base() + "/findings/" + id).then().statusCode(200).header("ETag", "\"5\"")
                .body("finding.rectification", equalTo("CLOSED"));
    }

    @Test
    void badRequestsChangeNothing() {
        String id = record("u-b", Map.of()).extract().path("id");
        rectify("u-a", id, null).statusCode(404);
        Api.as(Tokens.unit(region, "u-a")).get(base() + "/findings/" + id).then().statusCode(404);
        verify(id, "\"1\"", "PASS", "无整改").statusCode(409);
        rectify("u-b", id, "k-1").statusCode(201);
        rectify("u-b", id, "k-1").statusCode(201);
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("decision", "PASS", "comment", "自己复核")).post(base() + "/findings/" + id + "/verification").then()
                .statusCode(403);
        verify(id, null, "PASS", "同意").statusCode(428);
        verify(id, "\"1\"", "PASS", "同意").statusCode(412);
        verify(id, "\"2\"", "OK", "同意").statusCode(400);
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json")
                .body(Map.of("note", "已整改", "evidenceUrls", List.of("ftp://x"), "rectifiedOn", "2023-09-10"))
                .post(base() + "/findings/" + id + "/rectifications").then().statusCode(400);
        Api.as(Tokens.supervisor(region)).get(base() + "/findings/" + id).then().statusCode(200)
                .body("rectifications", hasSize(1)).body("finding.rectification", equalTo("RECTIFIED"));
        Api.as(Tokens.supervisor(region)).get(base() + "/findings/not-an-id").then().statusCode(404);

        String praise = record("u-b", Map.of("needsRectification", false, "points", 0)).body("rectification", equalTo("NOT_REQUIRED"))
                .extract().path("id");
        rectify("u-b", praise, null).statusCode(409);
    }

    @Test
    void anOpenFindingPastItsDeadlineIsOverdueEverywhere() {
        String late = record("u-b", Map.of()).extract().path("id");
        record("u-a", Map.of("rectifyBy", "2023-09-30"));
        Api.as(Tokens.supervisor(region)).queryParam("status", "OVERDUE").queryParam("asOf", "2023-09-15")
                .get(base() + "/findings").then().statusCode(200).body("total", equalTo(0));
        Api.as(Tokens.supervisor(region)).queryParam("status", "OVERDUE").queryParam("asOf", "2023-09-18")
                .get(base() + "/findings").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(late));
        Api.as(Tokens.supervisor(region)).queryParam("size", "1").queryParam("page", "2").get(base() + "/findings").then()
                .statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(2));
        Api.as(Tokens.supervisor(region)).queryParam("status", "LATE").get(base() + "/findings").then().statusCode(400);
        Api.as(Tokens.unit(region, "u-b")).queryParam("asOf", "2023-09-18").get(base() + "/units/u-b/agenda").then()
                .statusCode(200).body("overdueFindings.id", contains(late));
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-09-18").get(base() + "/dashboard").then().statusCode(200)
                .body("supervision.overdueFindings", equalTo(1));

        // the day's digest tells the unit
        Map<String, Object> channel = new HashMap<>();
        channel.put("url", "http://127.0.0.1:9/hook");
        channel.put("format", "GENERIC");
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("default", channel)).put(base() + "/alert-channels").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-09-18").post(base() + "/alerts/run").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).queryParam("kind", "RECTIFICATION").get(base() + "/alerts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].unitId", equalTo("u-b")).body("items[0].items[0].dueOn", equalTo("2023-09-15"));

        // 考核: a deduction per finding not closed at year end, when the scheme asks for one
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("base", 100, "overdueOpenPenalty", 2,
                        "doneLatePenalty", 1, "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", 0), "inspectionBase", 100,
                        "inspectionWeight", 0.5, "unrectifiedDeduction", 3))
                .put(base() + "/assessment-scheme/2023").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).get(base() + "/assessments/2023").then().statusCode(200)
                .body("units.find { it.unitId == 'u-b' }.inspection.unrectified", equalTo(1))
                .body("units.find { it.unitId == 'u-b' }.inspection.score", equalTo(96.0f));

        // 通报: the 整改情况 of each finding listed
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("name", "测试县", "issuer", "测试县人民政府办公室", "bulletinOffice", "测试县大数据中心"))
                .put(base() + "/profile").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post(base() + "/bulletins").then().statusCode(201)
                .body("content.findings.find { it.unitId == 'u-b' }.items[0].rectification", equalTo("逾期未整改"))
                .body("content.findings.find { it.unitId == 'u-a' }.items[0].rectification", equalTo("待整改"));
    }

    /** The dashboard's 整改待复核 is the count of the findings list's RECTIFIED (through the dashboard's cache). */
    private void toVerifyOnTheDashboard(int n) {
        Api.as(Tokens.supervisor(region)).queryParam("status", "RECTIFIED").get(base() + "/findings").then().statusCode(200)
                .body("total", equalTo(n));
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-09-12").get(base() + "/dashboard").then().statusCode(200)
                .body("supervision.rectificationsToVerify", equalTo(n));
    }

    private String base() {
        return "/api/v1/regions/" + region;
    }

    private ValidatableResponse record(String unit, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("unitId", unit, "foundOn", "2023-09-01", "source", "DAILY_CHECK",
                "description", "政府信息公开指南未更新", "points", 1));
        body.putAll(extra);
        return Api.as(Tokens.supervisor(region)).contentType("application/json").body(body).post(base() + "/findings").then()
                .statusCode(201);
    }

    private ValidatableResponse rectify(String unit, String id, String key) {
        var r = Api.as(Tokens.unit(region, unit)).contentType("application/json")
                .body(Map.of("note", "已更新政府信息公开指南", "evidenceUrls", List.of("https://www.example.org/gk/zn.html"),
                        "rectifiedOn", "2023-09-10"));
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return r.post(base() + "/findings/" + id + "/rectifications").then();
    }

    private ValidatableResponse verify(String id, String ifMatch, String decision, String comment) {
        var r = Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("decision", decision, "comment", comment));
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        return r.post(base() + "/findings/" + id + "/verification").then();
    }
}
