package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.InetSocketAddress;
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
 * The county year's 督办 (issue 14) on the three real services, report-service's "today" fixed at 2023-09-01:
 * 县教育和体育局 asks to move task 17 (due 2023-09-06) to 09-15 and the supervisor approves; it is done on 09-12, on time
 * by the new date, and the 考核 counts it on time (the default scheme); 县商务局's request is rejected. A finding at
 * 县商务局 is rectified, failed once at 复核 and passed the second time (销号); one at 县民政局 stays open and is overdue from
 * 09-16. The supervisor urges 县民政局 and the unit reads it. The lights on 2023-09-05 are counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionYearTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final String EDUCATION = "县教育和体育局";
    static final String COMMERCE = "县商务局";
    static final String CIVIL_AFFAIRS = "县民政局";

    Cluster cluster;
    HttpServer receiver;
    final String supervisor = Tokens.supervisor(REGION);
    final Map<Integer, String> tasks = new TreeMap<>();
    final Map<String, String> units = new HashMap<>();
    final Set<String> written = new HashSet<>();
    final List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new Cluster(Map.of("DUBAN_TODAY", "2023-09-01", "DUBAN_ALERTS_DELIVERY_INTERVAL", "1s",
                "DUBAN_ALERTS_ALLOWED_HOSTS", "127.0.0.1:*")).start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    RequestSpecification report(String token) {
        return Api.as(cluster.report, token);
    }

    RequestSpecification task(String token) {
        return Api.as(cluster.task, token);
    }

    String unitToken(String name) {
        return Tokens.unit(REGION, units.get(name));
    }

    String obligation(int seq, String unit) {
        List<Map<String, Object>> items = report(supervisor).queryParam("asOf", "2023-09-01").queryParam("unitId", units.get(unit))
                .queryParam("size", 500).get(BASE + "/obligations").then().statusCode(200).extract().jsonPath().getList("items");
        return (String) items.stream().filter(o -> Integer.valueOf(seq).equals(o.get("taskSeq"))).findFirst().orElseThrow().get("id");
    }

    @Test
    @Order(1)
    void theYearIsLoaded() {
        Api.as(cluster.org, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.UNITS_TSV))
                .post(BASE + "/units/import").then().statusCode(200);
        for (Map<String, Object> u : Api.as(cluster.org, supervisor).queryParam("size", 100).get(BASE + "/units").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            units.put((String) u.get("name"), (String) u.get("id"));
        }
        String planId = task(supervisor).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS"))
                .post(BASE + "/plans").then().statusCode(201).extract().path("id");
        task(supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(BASE + "/plans/" + planId + "/import").then().statusCode(200);
        for (Map<String, Object> t : task(supervisor).queryParam("size", 100).get(BASE + "/plans/" + planId + "/tasks")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
            tasks.put((Integer) t.get("seq"), (String) t.get("id"));
        }
        Api.catchUp(cluster.report, cluster.task, written);
    }

    @Test
    @Order(2)
    void task17IsExtendedForOneUnitAndRefusedForAnother() {
        String edu = obligation(17, EDUCATION);
        String request = report(unitToken(EDUCATION)).contentType("application/json")
                .body(Map.of("requestedDueOn", "2023-09-15", "reason", "主动公开基本目录涉及多个科室，需延期至9月15日"))
                .post(BASE + "/obligations/" + edu + "/extension-requests").then().statusCode(201).extract().path("id");
        report(supervisor).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("decision", "APPROVE", "comment", "同意延期")).post(BASE + "/extension-requests/" + request + "/decision")
                .then().statusCode(200);

        String commerce = obligation(17, COMMERCE);
        String refused = report(unitToken(COMMERCE)).contentType("application/json")
                .body(Map.of("requestedDueOn", "2023-09-30", "reason", "人员调整"))
                .post(BASE + "/obligations/" + commerce + "/extension-requests").then().statusCode(201).extract().path("id");
        report(supervisor).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("decision", "REJECT", "comment", "理由不充分，请按期完成"))
                .post(BASE + "/extension-requests/" + refused + "/decision").then().statusCode(200);
        // a unit cannot ask for another unit's obligation
        report(unitToken(COMMERCE)).contentType("application/json").body(Map.of("requestedDueOn", "2023-09-30", "reason", "x"))
                .post(BASE + "/obligations/" + edu + "/extension-requests").then().statusCode(404);

        // education finishes on 09-12: on time by the extended date
        String a17 = (String) task(supervisor).queryParam("taskId", tasks.get(17)).queryParam("size", 500).get(BASE + "/assignments")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                .filter(a -> EDUCATION.equals(a.get("unitName"))).findFirst().orElseThrow().get("id");
        String etag = task(unitToken(EDUCATION)).get(BASE + "/assignments/" + a17).then().statusCode(200).extract().header("ETag");
        written.add(task(unitToken(EDUCATION)).contentType("application/json").header("If-Match", etag)
                .body(Map.of("status", "DONE", "completedOn", "2023-09-12", "note", "已更新主动公开基本目录",
                        "evidenceUrls", List.of("http://www.yiyuan.gov.cn/gongkai/" + a17)))
                .post(BASE + "/assignments/" + a17 + "/reports").then().statusCode(201).extract().path("report.id"));
        Api.catchUp(cluster.report, cluster.task, written);

        JsonPath o = report(supervisor).queryParam("asOf", "2023-09-30").queryParam("unitId", units.get(EDUCATION))
                .queryParam("size", 500).get(BASE + "/obligations").then().statusCode(200).extract().jsonPath();
        Map<String, Object> t17 = o.<Map<String, Object>>getList("items").stream()
                .filter(i -> Integer.valueOf(17).equals(i.get("taskSeq"))).findFirst().orElseThrow();
        assertEquals("DONE_ON_TIME", t17.get("status"));
        assertEquals("2023-09-15", t17.get("dueOn"));
        assertEquals("2023-09-06", t17.get("originalDueOn"));
        JsonPath c = report(supervisor).queryParam("asOf", "2023-09-30").queryParam("unitId", units.get(COMMERCE))
                .queryParam("dueFrom", "2023-09-06").queryParam("dueTo", "2023-09-06").get(BASE + "/obligations").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("OVERDUE", c.getString("items[0].status"));

        JsonPath year = report(supervisor).get(BASE + "/assessments/2023").then().statusCode(200).extract().jsonPath();
        Map<String, Object> eduTask = year.<Map<String, Object>>getList("units").stream()
                .filter(u -> units.get(EDUCATION).equals(u.get("unitId"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> part = (Map<String, Object>) eduTask.get("task");
        assertEquals(1, part.get("extended"));
        assertEquals(1, report(supervisor).queryParam("status", "APPROVED").get(BASE + "/extension-requests").then()
                .statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(1, report(supervisor).queryParam("status", "REJECTED").get(BASE + "/extension-requests").then()
                .statusCode(200).extract().jsonPath().getInt("total"));
    }

    @Test
    @Order(3)
    void aFindingIsRectifiedFailedOncePassedAndAnotherIsOverdue() {
        String fixed = finding(COMMERCE, "政府信息公开指南未及时更新");
        String open = finding(CIVIL_AFFAIRS, "政策解读栏目超过一个月未更新");
        Map<String, Object> rectification = Map.of("note", "已更新公开指南", "evidenceUrls", List.of("http://www.yiyuan.gov.cn/gongkai/zn"),
                "rectifiedOn", "2023-09-08");
        String path = BASE + "/findings/" + fixed;
        report(unitToken(COMMERCE)).contentType("application/json").body(rectification).post(path + "/rectifications").then()
                .statusCode(201);
        report(supervisor).contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("decision", "FAIL", "comment", "未附更新后的页面截图")).post(path + "/verification").then().statusCode(200);
        report(unitToken(COMMERCE)).contentType("application/json").body(rectification).post(path + "/rectifications").then()
                .statusCode(201);
        report(unitToken(COMMERCE)).contentType("application/json").header("If-Match", "\"4\"")
                .body(Map.of("decision", "PASS", "comment", "自己销号")).post(path + "/verification").then().statusCode(403);
        report(supervisor).contentType("application/json").header("If-Match", "\"4\"")
                .body(Map.of("decision", "PASS", "comment", "复核通过，予以销号")).post(path + "/verification").then().statusCode(200);
        report(unitToken(COMMERCE)).contentType("application/json").body(rectification).post(path + "/rectifications").then()
                .statusCode(409);
        JsonPath overdue = report(supervisor).queryParam("status", "OVERDUE").queryParam("asOf", "2023-09-18")
                .get(BASE + "/findings").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(open), overdue.getList("items.id"));
        assertEquals("CLOSED", report(supervisor).get(path).then().statusCode(200).extract().path("finding.rectification"));
    }

    @Test
    @Order(4)
    void anUrgeIsSentAndRead() {
        Map<String, Object> channel = new HashMap<>();
        channel.put("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        channel.put("format", "GENERIC");
        report(supervisor).contentType("application/json").header("If-Match", "\"0\"").body(Map.of("default", channel))
                .put(BASE + "/alert-channels").then().statusCode(200);
        String urge = report(supervisor).contentType("application/json")
                .body(Map.of("unitId", units.get(CIVIL_AFFAIRS), "obligationIds", List.of(obligation(17, CIVIL_AFFAIRS)),
                        "message", "请于9月6日前完成主动公开基本目录更新"))
                .post(BASE + "/urges").then().statusCode(201).extract().path("id");
        report(supervisor).contentType("application/json")
                .body(Map.of("unitId", units.get(CIVIL_AFFAIRS), "obligationIds", List.of(obligation(17, CIVIL_AFFAIRS))))
                .post(BASE + "/urges").then().statusCode(409);
        report(unitToken(CIVIL_AFFAIRS)).post(BASE + "/urges/" + urge + "/receipt").then().statusCode(200);
        JsonPath read = report(supervisor).queryParam("status", "READ").get(BASE + "/urges").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(urge), read.getList("items.id"));
        // delivered by the outbox worker (every second here); bounded by attempts, not by time
        for (int i = 0; i < 300 && delivered.isEmpty(); i++) {
            Api.sleep(200);
        }
        assertTrue(delivered.stream().anyMatch(b -> b.contains("请于9月6日前完成主动公开基本目录更新")), delivered.toString());
    }

    @Test
    @Order(5)
    void lightsAreCountedOnAGivenDay() {
        JsonPath d = report(supervisor).queryParam("asOf", "2023-09-05").get(BASE + "/dashboard").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Integer> lights = d.getMap("supervision.lights");
        for (String light : List.of("RED", "YELLOW", "BLUE")) {
            int listed = report(supervisor).queryParam("asOf", "2023-09-05").queryParam("light", light).queryParam("size", 1)
                    .get(BASE + "/obligations").then().statusCode(200).extract().jsonPath().getInt("total");
            assertEquals(listed, lights.get(light).intValue(), light);
        }
        // 09-05: task 17 (due 09-06) is due soon for every owing unit but 教体局, whose extended one (due 09-15) is behind
        // schedule — 27 of its 37 days gone, no progress reported by then (its DONE report is dated after)
        assertEquals(Map.of("RED", 0, "YELLOW", 1, "BLUE", 42), lights);
        List<Map<String, Object>> yellow = d.getList("supervision.lightsByUnit");
        assertEquals(units.get(EDUCATION), yellow.stream().filter(u -> ((Integer) u.get("yellow")) > 0).findFirst().orElseThrow()
                .get("unitId"));
        assertEquals(d.getInt("supervision.pendingExtensionRequests"), 0);
        assertEquals(d.getInt("supervision.unreadUrges"), 0);
    }

    String finding(String unit, String description) {
        return report(supervisor).contentType("application/json").body(Map.of("unitId", units.get(unit), "foundOn", "2023-09-01",
                "source", "DAILY_CHECK", "description", description, "points", 1)).post(BASE + "/findings").then().statusCode(201)
                .extract().path("id");
    }
}
