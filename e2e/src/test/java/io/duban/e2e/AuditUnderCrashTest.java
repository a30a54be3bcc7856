package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The audit trail under a crash (issue 16 §1 "No lost record") and the packaged services' management interface (§2):
 * writers post progress reports with {@code Idempotency-Key}s to task-service and retry every failure with the same key
 * and body; task-service is SIGKILLed in the middle of the burst and started again. Every report the client saw
 * acknowledged (201) has its audit record in task-service's database, and the region's chain verifies intact once the
 * sealer has linked everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditUnderCrashTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final int WRITERS = 4;
    /** Acknowledged writes before the kill, and after the restarted service answered again. */
    static final int WRITES_AROUND_KILL = 40;

    Cluster cluster;
    final String supervisor = Tokens.supervisor(REGION);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    final ObjectMapper json = new ObjectMapper();
    final ConcurrentLinkedQueue<Map<String, Object>> fresh = new ConcurrentLinkedQueue<>();
    /** Every acknowledged report: key → report id. */
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    @BeforeAll
    void start() throws Exception {
        cluster = new Cluster(Map.of("DUBAN_PROJECTION_ENABLED", "false", "DUBAN_ALERTS_CRON", "off")).start();
        fresh.addAll(KeyedReports.seed(cluster, supervisor));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** In the prod profile health, metrics and the OpenAPI document answer on the management port, never the API port. */
    @Test
    @Order(1)
    void operationsEndpointsAnswerOnlyOnTheManagementPort() throws Exception {
        for (ServiceProcess s : List.of(cluster.org, cluster.task, cluster.report)) {
            for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                assertEquals(404, status(s.url() + path), s.name + " answers " + path + " on its API port " + s.port);
                assertEquals(200, status(s.managementUrl() + path), s.name + " " + path + " on its management port " + s.managementPort);
            }
            // and the API itself is not on the management port
            assertEquals(404, status(s.managementUrl() + BASE + "/audit"), s.name + " serves its API on the management port");
        }
    }

    @Test
    @Order(2)
    void everyAcknowledgedWriteKeepsItsRecordThroughAKill() throws Exception {
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicInteger failedAttempts = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            running.add(writers.submit(() -> {
                while (after.get() < WRITES_AROUND_KILL) {
                    boolean sawRestart = restarted.get();
                    failedAttempts.addAndGet(writeOne() - 1);
                    (sawRestart ? after : before).incrementAndGet();
                }
                return null;
            }));
        }
        while (before.get() < WRITES_AROUND_KILL) {
            Api.sleep(20);
        }
        long pid = cluster.task.pid();
        cluster.task.kill();
        cluster.task.start();
        assertTrue(cluster.task.pid() != pid, "task-service was started again");
        restarted.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        writers.shutdown();
        System.out.printf("acknowledged %d reports around the kill; %d failed attempts retried%n", acknowledged.size(), failedAttempts.get());
        assertTrue(failedAttempts.get() > 0, "the kill interrupted no write: it did not land in the burst");

        Map<String, Integer> records = auditRecordsOfReports();
        List<String> missing = new ArrayList<>();
        acknowledged.forEach((key, id) -> {
            if (records.getOrDefault(id, 0) == 0) {
                missing.add(key + " → " + id);
            }
        });
        assertTrue(missing.isEmpty(), missing.size() + " acknowledged reports have no audit record: " + missing);

        JsonPath verification = null;
        for (int i = 0; i < 300; i++) {
            verification = Api.as(cluster.task, supervisor).get(BASE + "/audit/verification").then().statusCode(200).extract().jsonPath();
            if (verification.getLong("unsealed") == 0) {
                break;
            }
            Api.sleep(200);
        }
        assertNotNull(verification);
        assertEquals(0L, verification.getLong("unsealed"), "the sealer did not link every record: " + verification.prettify());
        assertTrue(verification.getBoolean("intact"), "the chain broke: " + verification.prettify());
        assertTrue(verification.getLong("checked") >= acknowledged.size(), "verification checked fewer records than writes");
    }

    /** report id → how many records with outcome 201 name it (a retry answered from the idempotency store adds one). */
    private Map<String, Integer> auditRecordsOfReports() throws Exception {
        Map<String, Integer> n = new TreeMap<>();
        try (Connection c = cluster.connect("task");
                PreparedStatement s = c.prepareStatement("select unnest(string_to_array(resources, ',')) from audit_record "
                        + "where region = ? and method = 'POST' and route like '%/assignments/{id}/reports' and status = 201")) {
            s.setString(1, REGION);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    n.merge(r.getString(1), 1, Integer::sum);
                }
            }
        }
        return n;
    }

    /** One report acknowledged with a 201, retried with the same key and body after every failure; the attempts. */
    private int writeOne() throws Exception {
        Map<String, Object> assignment = fresh.poll();
        if (assignment == null) {
            throw new AssertionError("ran out of assignments to report on");
        }
        String id = (String) assignment.get("id");
        String key = "crash-" + id;
        byte[] body = json.writeValueAsBytes(Map.of("status", "IN_PROGRESS", "note", key));
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                HttpResponse<String> r = KeyedReports.attempt(http, cluster, supervisor, assignment, key, body);
                if (r.statusCode() == 201) {
                    JsonNode reply = json.readTree(r.body());
                    String reportId = reply.path("report").path("id").asText();
                    String previous = acknowledged.putIfAbsent(key, reportId);
                    assertTrue(previous == null || previous.equals(reportId), "one key, two reports: " + key);
                    return attempts;
                }
                if (r.statusCode() < 500) {
                    throw new AssertionError(key + ": " + r.statusCode() + " " + r.body());
                }
            } catch (IOException refusedOrCut) {
                // the service is down or the connection was cut: retried with the same key
            }
            Api.sleep(100);
        }
        throw new AssertionError(key + " not acknowledged within 180 s (" + attempts + " attempts)");
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
