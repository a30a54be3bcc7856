package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The county year's assignment life (issue 13) on the three real services: the plan's 工作台账 due 2023-08-16 —
 * 县教育和体育局's handed in on 08-15, 县商务局's after; task 39's unit disputes its assignment and the supervisor
 * upholds it, designating 县大数据中心; under 办结审核 教体局's task 16 (2023年10月底前) is returned once and accepted on
 * the second try, and the Q4 通报 counts it by its second completion date (late) with one 退回.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssignmentLifeYearTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final String EDUCATION = "县教育和体育局";
    static final String APPROVAL = "县行政审批服务局";
    static final String COMMERCE = "县商务局";
    static final String BIG_DATA = "县大数据中心";

    Cluster cluster;
    final String supervisor = Tokens.supervisor(REGION);
    String planId;
    final Map<Integer, String> tasks = new TreeMap<>();
    final Map<String, String> units = new HashMap<>();
    final Set<String> written = new HashSet<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new Cluster().start();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    RequestSpecification org(String token) {
        return Api.as(cluster.org, token);
    }

    RequestSpecification task(String token) {
        return Api.as(cluster.task, token);
    }

    RequestSpecification report(String token) {
        return Api.as(cluster.report, token);
    }

    String unitToken(String name) {
        return Tokens.unit(REGION, units.get(name));
    }

    String assignment(int seq, String unitName) {
        List<Map<String, Object>> items = task(supervisor).queryParam("taskId", tasks.get(seq)).queryParam("size", 500)
                .get(BASE + "/assignments").then().statusCode(200).extract().jsonPath().getList("items");
        return (String) items.stream().filter(a -> unitName.equals(a.get("unitName"))).findFirst().orElseThrow().get("id");
    }

    String etag(String token, String path) {
        return task(token).get(BASE + path).then().statusCode(200).extract().header("ETag");
    }

    @Test
    @Order(1)
    void theYearIsSetUpUnderReview() {
        org(supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.UNITS_TSV))
                .post(BASE + "/units/import").then().statusCode(200);
        for (Map<String, Object> u : org(supervisor).queryParam("size", 100).get(BASE + "/units").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("items")) {
            units.put((String) u.get("name"), (String) u.get("id"));
        }
        planId = task(supervisor).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS", "ledgerDueOn", "2023-08-16"))
                .post(BASE + "/plans").then().statusCode(201).extract().path("id");
        task(supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(BASE + "/plans/" + planId + "/import").then().statusCode(200);
        for (Map<String, Object> t : task(supervisor).queryParam("size", 100).get(BASE + "/plans/" + planId + "/tasks")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            tasks.put((Integer) t.get("seq"), (String) t.get("id"));
        }
        // 39: 县政府和审批服务局 is a typo for 县行政审批服务局
        task(supervisor).contentType("application/json").header("If-Match", etag(supervisor, "/tasks/" + tasks.get(39)))
                .body(Map.of("responsibleText", APPROVAL)).put(BASE + "/tasks/" + tasks.get(39)).then().statusCode(200);
        task(supervisor).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("ackWorkingDays", 3, "completionReview", "REQUIRED")).put(BASE + "/settings").then().statusCode(200);
    }

    @Test
    @Order(2)
    void ledgersAreSubmittedOneBeforeAndOneAfterTheDueDay() {
        String edu = unitToken(EDUCATION);
        String a16 = assignment(16, EDUCATION);
        task(edu).contentType("application/json").body(Map.of("office", "基础教育科", "owner", "王老师", "ownerPhone", "0533-3222333",
                "measures", "修订教育领域公开目录", "plannedOn", "2023-10-20")).put(BASE + "/assignments/" + a16 + "/ledger")
                .then().statusCode(200);
        // handed in on paper on 08-15, recorded by the supervisor
        task(supervisor).contentType("application/json").body(Map.of("submittedOn", "2023-08-15"))
                .post(BASE + "/units/" + units.get(EDUCATION) + "/ledgers/" + planId + "/submission").then().statusCode(201);
        task(unitToken(COMMERCE)).contentType("application/json").body(Map.of())
                .post(BASE + "/units/" + units.get(COMMERCE) + "/ledgers/" + planId + "/submission").then().statusCode(201);
        List<Map<String, Object>> status = task(supervisor).get(BASE + "/plans/" + planId + "/ledger-status").then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> byEdu = status.stream().filter(s -> units.get(EDUCATION).equals(s.get("unitId"))).findFirst().orElseThrow();
        Map<String, Object> byCommerce = status.stream().filter(s -> units.get(COMMERCE).equals(s.get("unitId"))).findFirst().orElseThrow();
        assertEquals(true, byEdu.get("submittedOnTime"));
        assertEquals(false, byCommerce.get("submittedOnTime"));
    }

    @Test
    @Order(3)
    void task39sUnitDisputesAndTheSupervisorUpholdsWithADesignation() {
        String a39 = assignment(39, APPROVAL);
        String dispute = task(unitToken(APPROVAL)).contentType("application/json").body(Map.of("reason", "该专区由县大数据中心建设运维"))
                .post(BASE + "/assignments/" + a39 + "/disputes").then().statusCode(201).extract().path("id");
        task(unitToken(APPROVAL)).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("decision", "UPHOLD", "comment", "自行裁决")).post(BASE + "/disputes/" + dispute + "/decision")
                .then().statusCode(403);
        task(supervisor).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("decision", "UPHOLD", "comment", "属实", "designateUnitIds", List.of(units.get(BIG_DATA))))
                .post(BASE + "/disputes/" + dispute + "/decision").then().statusCode(200);
        JsonPath t39 = task(supervisor).get(BASE + "/tasks/" + tasks.get(39)).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(BIG_DATA), t39.getList("assignments.unitName"));
        assertEquals(List.of("PENDING_ACK"), t39.getList("assignments.status"));
    }

    @Test
    @Order(4)
    void aCompletionReturnedOnceIsAcceptedOnTheSecondTry() {
        String edu = unitToken(EDUCATION);
        String a16 = assignment(16, EDUCATION);
        String path = "/assignments/" + a16;
        for (String[] round : new String[][] {{"2023-10-25", "RETURN"}, {"2023-11-02", "ACCEPT"}}) {
            String id = task(edu).contentType("application/json").header("If-Match", etag(edu, path))
                    .body(Map.of("status", "DONE", "completedOn", round[0], "note", "目录已修订",
                            "evidenceUrls", List.of("http://www.yiyuan.gov.cn/gongkai/" + a16)))
                    .post(BASE + path + "/reports").then().statusCode(201).extract().path("report.id");
            written.add(id);
            Map<String, Object> decision = "RETURN".equals(round[1]) ? Map.of("decision", "RETURN", "comment", "缺少公开链接截图")
                    : Map.of("decision", "ACCEPT");
            String review = task(supervisor).contentType("application/json").header("If-Match", etag(supervisor, path)).body(decision)
                    .post(BASE + path + "/reviews").then().statusCode(201).extract().path("review.id");
            written.add(review);
        }
        assertEquals("DONE", task(edu).get(BASE + path).then().statusCode(200).extract().path("status"));
    }

    @Test
    @Order(5)
    void reportServiceCountsTheAcceptedCompletionByItsSecondDate() {
        Api.catchUp(cluster.report, cluster.task, written);
        JsonPath o = report(supervisor).queryParam("asOf", "2023-12-31").queryParam("unitId", units.get(EDUCATION))
                .queryParam("size", 500).get(BASE + "/obligations").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = o.getList("items");
        Map<String, Object> t16 = items.stream().filter(i -> Integer.valueOf(16).equals(i.get("taskSeq"))).findFirst().orElseThrow();
        assertEquals("DONE_LATE", t16.get("status"));
        assertEquals("2023-11-02", t16.get("completedOn"));

        report(supervisor).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县大数据中心"))
                .put(BASE + "/profile").then().statusCode(200);
        JsonPath b = report(supervisor).contentType("application/json").body(Map.of("year", 2023, "quarter", 4))
                .post(BASE + "/bulletins").then().statusCode(201).extract().jsonPath();
        Map<String, Object> eduRow = b.<Map<String, Object>>getList("content.units").stream()
                .filter(u -> units.get(EDUCATION).equals(u.get("unitId"))).findFirst().orElseThrow();
        assertEquals(1, eduRow.get("returns"));
        assertTrue(((Integer) eduRow.get("late")) >= 1, "task 16 is late by its second completion date");
        JsonPath d = report(supervisor).queryParam("asOf", "2023-09-01").get(BASE + "/dashboard").then().statusCode(200)
                .extract().jsonPath();
        // every unit with an assignment but 教体局 (handed in 08-15) had not submitted by 08-16
        assertEquals(d.getInt("assignmentLife.ledgersNotSubmitted") + 1,
                task(supervisor).get(BASE + "/plans/" + planId + "/ledger-status").then().statusCode(200).extract()
                        .jsonPath().getList("$").size());
    }
}
