package io.duban.task.report;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportResourceTest {

    static final String EDU = "县教育和体育局";

    @TestHTTPResource("/")
    URI root;

    /** A region with the Yiyuan plan imported; returns the id of 县教育和体育局's LEAD assignment on task 36. */
    static String[] eduAssignment() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        String task = (String) Api.task(region, plan, 36).get("id");
        Map<String, Object> lead = Api.assignmentsOfTask(region, task).get(0);
        assertEquals(EDU, lead.get("unitName"));
        return new String[] {region, (String) lead.get("id"), plan, task};
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    @Test
    void fiftyConcurrentReportsWithTheSameIfMatchGiveOneWinner() throws Exception {
        String[] a = eduAssignment();
        String region = a[0];
        String url = root.resolve(base(region) + "/assignments/" + a[1] + "/reports").toString();
        String token = Tokens.supervisor(region);
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("If-Match", "\"1\"")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"IN_PROGRESS\",\"note\":\"第" + i + "次\"}")).build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        int created = 0, stale = 0;
        for (var c : calls) {
            int status = c.get().statusCode();
            if (status == 201) {
                created++;
            } else if (status == 412) {
                stale++;
            }
        }
        assertEquals(1, created);
        assertEquals(49, stale);
        supervisor(region).get(base(region) + "/assignments/" + a[1] + "/reports").then().statusCode(200).body("total", equalTo(1));
        supervisor(region).get(base(region) + "/assignments/" + a[1]).then().statusCode(200)
                .header("ETag", "\"2\"").body("status", equalTo("IN_PROGRESS"));
    }

    @Test
    void retryWithTheSameIdempotencyKeyReturnsTheFirstResponse() {
        String[] a = eduAssignment();
        String region = a[0];
        String path = base(region) + "/assignments/" + a[1] + "/reports";
        Map<String, Object> body = Map.of("status", "IN_PROGRESS", "note", "已召开专题会议");
        String first = supervisor(region).header("If-Match", "\"1\"").header("Idempotency-Key", "k-1").contentType("application/json")
                .body(body).post(path).then().statusCode(201).header("ETag", "\"2\"").extract().path("report.id");
        // the retry carries the stale If-Match it was sent with and still gets the first answer
        supervisor(region).header("If-Match", "\"1\"").header("Idempotency-Key", "k-1").contentType("application/json")
                .body(body).post(path).then().statusCode(201).body("report.id", equalTo(first)).body("assignmentVersion", equalTo(2));
        supervisor(region).header("If-Match", "\"2\"").header("Idempotency-Key", "k-1").contentType("application/json")
                .body(Map.of("status", "DONE", "note", "完成", "completedOn", today())).post(path)
                .then().statusCode(422).contentType("application/problem+json");
        supervisor(region).get(path).then().body("total", equalTo(1));
        supervisor(region).get(base(region) + "/assignments/" + a[1]).then().header("ETag", "\"2\"");
    }

    @Test
    void doneNeedsACompletionDayNotInTheFutureAndEvidence() {
        String[] a = eduAssignment();
        String region = a[0];
        String path = base(region) + "/assignments/" + a[1] + "/reports";
        post(region, path, "1", Map.of("status", "DONE", "note", "完成")).then().statusCode(400)
                .body("errors.field", hasItem("completedOn"));
        post(region, path, "1", Map.of("status", "DONE", "completedOn", today())).then().statusCode(400)
                .body("errors.field", hasItem("evidenceUrls"));
        post(region, path, "1", Map.of("status", "DONE", "note", "完成", "completedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2).toString()))
                .then().statusCode(400).body("errors.field", hasItem("completedOn"));
        post(region, path, "1", Map.of("status", "DONE", "evidenceUrls", List.of("ftp://example.com/x"), "completedOn", today()))
                .then().statusCode(400).body("errors.field", hasItem("evidenceUrls[0]"));
        post(region, path, "1", Map.of("status", "FINISHED")).then().statusCode(400);
        post(region, path, "1", Map.of("status", "DONE", "completedOn", "2023-13-45", "note", "x")).then().statusCode(400);
        supervisor(region).contentType("application/json").body(Map.of("status", "IN_PROGRESS")).post(path).then().statusCode(428);
        post(region, path, "7", Map.of("status", "IN_PROGRESS")).then().statusCode(412);
        post(region, path, "1", Map.of("status", "DONE", "evidenceUrls", List.of("https://www.yiyuan.gov.cn/col/col1/index.html"),
                "completedOn", "2023-12-20")).then().statusCode(201).body("report.status", equalTo("DONE"))
                .body("report.reportedBy", equalTo("test-supervisor@" + region)).body("report.completedOn", equalTo("2023-12-20"));
        supervisor(region).get(base(region) + "/assignments/" + a[1]).then().body("status", equalTo("DONE"));
    }

    static io.restassured.response.Response post(String region, String path, String version, Map<String, Object> body) {
        return supervisor(region).header("If-Match", "\"" + version + "\"").contentType("application/json").body(body).post(path);
    }

    @jakarta.inject.Inject
    io.duban.task.common.IdempotencyRetention retention;

    @Test
    void anIdempotencyKeyIsForgottenAfterItsRetention() {
        String[] a = eduAssignment();
        String region = a[0];
        String path = base(region) + "/assignments/" + a[1] + "/reports";
        Map<String, Object> body = Map.of("status", "IN_PROGRESS", "note", "已启动");
        String first = supervisor(region).header("If-Match", "\"1\"").header("Idempotency-Key", "old-key").contentType("application/json")
                .body(body).post(path).then().statusCode(201).extract().path("report.id");
        // kept: a retry is replayed
        supervisor(region).header("If-Match", "\"1\"").header("Idempotency-Key", "old-key").contentType("application/json")
                .body(body).post(path).then().statusCode(201).body("report.id", equalTo(first));
        org.junit.jupiter.api.Assertions.assertTrue(retention.purgeOlderThan(java.time.Duration.ZERO).await().indefinitely() >= 1);
        // forgotten: the same key is a new request, judged on its own (a stale If-Match now)
        supervisor(region).header("If-Match", "\"1\"").header("Idempotency-Key", "old-key").contentType("application/json")
                .body(body).post(path).then().statusCode(412);
        supervisor(region).header("If-Match", "\"2\"").header("Idempotency-Key", "old-key").contentType("application/json")
                .body(body).post(path).then().statusCode(201).body("report.id", not(equalTo(first)));
    }

    @Test
    void anIdempotencyKeyBelongsToTheUnitThatUsedIt() {
        String[] a = eduAssignment();
        String region = a[0];
        String path = base(region) + "/assignments/" + a[1] + "/reports";
        String eduToken = Tokens.unit(region, FakeOrgService.unitId(EDU).toString());
        String healthToken = Tokens.unit(region, FakeOrgService.unitId("县卫生健康局").toString());
        Map<String, Object> body = Map.of("status", "IN_PROGRESS", "note", "已启动");
        Api.as(eduToken).header("If-Match", "\"1\"").header("Idempotency-Key", "same-key").contentType("application/json")
                .body(body).post(path).then().statusCode(201);
        // another unit sending the same key and body for that assignment gets no replay of edu's answer
        Api.as(healthToken).header("If-Match", "\"1\"").header("Idempotency-Key", "same-key").contentType("application/json")
                .body(body).post(path).then().statusCode(404).body(not(containsString("已启动")));
        // and the same key on its own assignment is its own key, not a 422 conflict with edu's
        String healthAssignment = Api.as(healthToken).get(base(region) + "/assignments?size=1").then().statusCode(200)
                .extract().path("items[0].id");
        Api.as(healthToken).header("If-Match", "\"1\"").header("Idempotency-Key", "same-key").contentType("application/json")
                .body(body).post(base(region) + "/assignments/" + healthAssignment + "/reports").then().statusCode(201);
        Api.as(Tokens.viewer(region)).get(path).then().statusCode(200).body("total", equalTo(1));
        // the Location of a created report is readable
        String location = Api.as(eduToken).header("If-Match", "\"2\"").contentType("application/json")
                .body(Map.of("status", "IN_PROGRESS", "note", "第二次")).post(path).then().statusCode(201).extract().header("Location");
        Api.as(eduToken).get(location).then().statusCode(200).body("note", equalTo("第二次"));
        Api.as(healthToken).get(location).then().statusCode(404);
    }

    @Test
    void aUnitSeesAndWritesOnlyItsOwnAssignments() {
        String[] a = eduAssignment();
        String region = a[0];
        String edu = FakeOrgService.unitId(EDU).toString();
        String health = FakeOrgService.unitId("县卫生健康局").toString();
        String eduToken = Tokens.unit(region, edu);
        String healthToken = Tokens.unit(region, health);
        Api.as(eduToken).get(base(region) + "/assignments/" + a[1]).then().statusCode(200).body("unitId", equalTo(edu));
        Api.as(healthToken).get(base(region) + "/assignments/" + a[1]).then().statusCode(404);
        Api.as(healthToken).get(base(region) + "/assignments/" + a[1] + "/reports").then().statusCode(404);
        Api.as(healthToken).header("If-Match", "\"1\"").contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(base(region) + "/assignments/" + a[1] + "/reports").then().statusCode(404);
        Api.as(healthToken).get(base(region) + "/assignments?unitId=" + edu).then().statusCode(403);
        List<String> units = Api.as(eduToken).get(base(region) + "/assignments?size=500").then().statusCode(200)
                .extract().jsonPath().getList("items.unitId");
        org.junit.jupiter.api.Assertions.assertFalse(units.isEmpty());
        units.forEach(u -> assertEquals(edu, u));
        Api.as(eduToken).header("If-Match", "\"1\"").contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(base(region) + "/assignments/" + a[1] + "/reports").then().statusCode(201)
                .body("report.reportedBy", equalTo("test-unit@" + region));
        Api.as(Tokens.viewer(region)).get(base(region) + "/assignments/" + a[1] + "/reports").then().statusCode(200).body("total", equalTo(1));
        Api.as(Tokens.viewer(region)).header("If-Match", "\"2\"").contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(base(region) + "/assignments/" + a[1] + "/reports").then().statusCode(403);
        Api.as(Tokens.supervisor(Regions.fresh())).get(base(region) + "/assignments/" + a[1]).then().statusCode(403);
        Api.as(Tokens.forged(region)).get(base(region) + "/assignments/" + a[1]).then().statusCode(401);
    }

    @Test
    void assignmentListFiltersAndPages() {
        String[] a = eduAssignment();
        String region = a[0];
        supervisor(region).get(base(region) + "/assignments?role=LEAD&planId=" + a[2] + "&size=500").then().statusCode(200)
                .body("items.role", org.hamcrest.Matchers.everyItem(equalTo("LEAD")));
        supervisor(region).get(base(region) + "/assignments?status=DONE").then().statusCode(200).body("total", equalTo(0));
        supervisor(region).get(base(region) + "/assignments?status=LATE").then().statusCode(400);
        supervisor(region).get(base(region) + "/assignments?unitId=nope").then().statusCode(400);
        supervisor(region).get(base(region) + "/assignments?size=501").then().statusCode(400);
        supervisor(region).get(base(region) + "/assignments/not-a-uuid").then().statusCode(404);
        supervisor(region).get(base(region) + "/assignments?size=2&page=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("page", equalTo(2));
    }
}
