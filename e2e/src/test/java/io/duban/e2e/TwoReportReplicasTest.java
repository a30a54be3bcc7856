package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two report-service processes on their own ports, one report database, one task feed: both
 * followers run every second in small batches and are also asked to sync at the same time while
 * the table is imported and units report, and still every change is applied exactly once. Then both
 * run the same day's alerts at once: decided once, delivered once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReportReplicasTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;

    Cluster cluster;
    ServiceProcess second;
    final String supervisor = Tokens.supervisor(REGION);
    final String system = Tokens.system("*");
    /** Ids of the reports written, which the change feed must show before the replicas are compared. */
    final Set<String> written = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void start() throws Exception {
        // small batches and short runs so that the replicas' transactions interleave over many rounds
        cluster = new Cluster(Map.of("DUBAN_PROJECTION_INTERVAL", "1s", "DUBAN_PROJECTION_BATCH_SIZE", "25",
                "DUBAN_PROJECTION_MAX_BATCHES_PER_RUN", "2", "DUBAN_ALERTS_CRON", "off", "DUBAN_ALERTS_DELIVERY_INTERVAL", "1s",
                "DUBAN_ALERTS_ALLOWED_HOSTS", "127.0.0.1:*")).start();
        second = cluster.anotherReport().start();
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyChangeIsAppliedOnceAndBothReplicasAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<Map<String, Integer>>> syncers = new ArrayList<>();
        for (ServiceProcess replica : List.of(cluster.report, second)) {
            syncers.add(pool.submit(() -> syncWhile(replica, writing)));
        }
        int done;
        try {
            done = importAndReport();
        } finally {
            writing.set(false);
        }
        List<Map<String, Integer>> outcomes = new ArrayList<>();
        for (Future<Map<String, Integer>> f : syncers) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        System.out.println("on-demand sync outcomes per replica: " + outcomes);

        JsonPath state = Api.catchUp(cluster.report, cluster.task, written);
        Api.catchUp(second, cluster.task, written);
        Api.Feed feed = Api.feed(cluster.task);
        assertEquals(feed.count(), state.getInt("appliedTotal"), "applied exactly once; on-demand syncs: " + outcomes);
        JsonPath seenBySecond = Api.as(second, supervisor).get("/api/v1/admin/projection").then().statusCode(200).extract().jsonPath();
        assertEquals(feed.count(), seenBySecond.getInt("appliedTotal"));
        assertEquals(feed.lastCursor(), seenBySecond.getString("cursor"));

        for (ServiceProcess replica : List.of(cluster.report, second)) {
            JsonPath all = Api.as(replica, supervisor).queryParam("size", 500).queryParam("asOf", "2023-09-07")
                    .get(BASE + "/obligations").then().statusCode(200).extract().jsonPath();
            // 43 × tasks 16, 17, 18 and seven 年底前 leads (task 39's typo is left uncorrected here)
            assertEquals(136, all.getInt("total"), replica.url());
            assertEquals(136, new HashSet<>(all.getList("items.id")).size(), "no obligation twice");
            JsonPath overdue = Api.as(replica, supervisor).queryParam("size", 500).queryParam("asOf", "2023-09-07")
                    .get(BASE + "/overdue").then().statusCode(200).extract().jsonPath();
            assertEquals(CountyYearTest.ALL_DEPARTMENTS - done, overdue.getInt("total"), replica.url());
        }
    }

    /**
     * 临期/逾期 alerts with two replicas: both are asked to run the same day at the same moment and both
     * delivery workers poll the one outbox every second; the day's alerts are decided once and each
     * reaches the receiver exactly once.
     */
    @Test
    @Order(2)
    void alertsAreDecidedOnceAndDeliveredOnceByTwoReplicas() throws Exception {
        Map<String, Integer> received = new ConcurrentHashMap<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.merge(exchange.getRequestHeaders().getFirst("X-Duban-Alert-Id"), 1, Integer::sum);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Api.as(cluster.report, supervisor).contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("default", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                            "format", "GENERIC")))
                    .put(BASE + "/alert-channels").then().statusCode(200);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<JsonPath>> runs = new ArrayList<>();
            for (ServiceProcess replica : List.of(cluster.report, second)) {
                runs.add(pool.submit(() -> Api.as(replica, supervisor).queryParam("asOf", "2023-09-08")
                        .post(BASE + "/alerts/run").then().statusCode(200).extract().jsonPath()));
            }
            int decided = 0;
            List<Integer> created = new ArrayList<>();
            for (Future<JsonPath> run : runs) {
                JsonPath r = run.get();
                decided = Math.max(decided, r.getInt("decided"));
                created.add(r.getInt("created"));
            }
            pool.shutdown();
            // task 17 is overdue on 09-08 for the 33 units that did not report it: one OVERDUE digest each
            assertEquals(CountyYearTest.ALL_DEPARTMENTS - 10, decided);
            // the region's run is serialised (advisory lock): one replica writes the day, the other finds it written
            assertEquals(Set.of(decided, 0), new HashSet<>(created), "created per replica: " + created);

            long deadline = System.currentTimeMillis() + 120_000;
            JsonPath alerts;
            do {
                Thread.sleep(500);
                alerts = Api.as(second, supervisor).queryParam("date", "2023-09-08").queryParam("size", 500)
                        .get(BASE + "/alerts").then().statusCode(200).extract().jsonPath();
            } while (alerts.getList("items.status").stream().anyMatch(st -> !"SENT".equals(st))
                    && System.currentTimeMillis() < deadline);
            assertEquals(List.of("SENT"), alerts.getList("items.status").stream().distinct().toList());
            Set<String> ids = new HashSet<>(alerts.getList("items.id"));
            assertEquals(decided, ids.size());
            assertEquals(ids, received.keySet(), "every alert reached the receiver");
            assertEquals(Set.of(1), new HashSet<>(received.values()), "and none twice: " + received);
        } finally {
            receiver.stop(0);
        }
    }

    /** Calls sync on one replica until the writer is done; counts the outcomes (for the failure message). */
    Map<String, Integer> syncWhile(ServiceProcess replica, AtomicBoolean writing) {
        Map<String, Integer> outcomes = new HashMap<>();
        while (writing.get()) {
            String outcome = Api.as(replica, system).post("/api/v1/admin/projection/sync").then().statusCode(200)
                    .extract().path("outcome");
            outcomes.merge(outcome, 1, Integer::sum);
        }
        return outcomes;
    }

    /** The fixture plan imported, then the first ten units of task 17 report it done on its due day. */
    int importAndReport() {
        Api.as(cluster.org, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.UNITS_TSV))
                .post(BASE + "/units/import").then().statusCode(200);
        String planId = Api.as(cluster.task, supervisor).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS"))
                .post(BASE + "/plans").then().statusCode(201).extract().path("id");
        Api.as(cluster.task, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(BASE + "/plans/" + planId + "/import").then().statusCode(200);
        List<Map<String, Object>> tasks = Api.as(cluster.task, supervisor).queryParam("size", 100)
                .get(BASE + "/plans/" + planId + "/tasks").then().statusCode(200).extract().path("items");
        Object task17 = tasks.stream().filter(t -> Integer.valueOf(17).equals(t.get("seq"))).findFirst().orElseThrow().get("id");
        List<Map<String, Object>> assignments = Api.as(cluster.task, supervisor).queryParam("taskId", task17).queryParam("size", 10)
                .get(BASE + "/assignments").then().statusCode(200).extract().path("items");
        assertTrue(assignments.size() == 10);
        for (Map<String, Object> a : assignments) {
            String token = Tokens.unit(REGION, (String) a.get("unitId"));
            Api.as(cluster.task, token).contentType("application/json").header("If-Match", "\"" + a.get("version") + "\"")
                    .body(Map.of("status", "DONE", "completedOn", "2023-09-06", "note", "已更新主动公开基本目录"))
                    .post(BASE + "/assignments/" + a.get("id") + "/reports").then().statusCode(201);
            written.add(Api.as(cluster.task, supervisor).get(BASE + "/assignments/" + a.get("id") + "/reports")
                    .then().statusCode(200).extract().path("items[0].id"));
        }
        return assignments.size();
    }
}
