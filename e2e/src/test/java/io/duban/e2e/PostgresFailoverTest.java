package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * PostgreSQL failover with nothing lost (issue 16 §3), on deploy/ha's cluster: etcd, three Patroni members with
 * synchronous replication, HAProxy routing to the primary; the three services connect through HAProxy. Two writers
 * post progress reports, each with its own {@code Idempotency-Key}, and retry every failure with the same key and body.
 * The primary's PostgreSQL is SIGKILLed in the middle: writes resume (the time is measured and written to
 * {@code e2e/target/failover-times.txt}), every report acknowledged with a 201 exists exactly once in task-service, the
 * change feed holds them all and report-service's projection holds the same reports; no service is restarted. Then a
 * replica is killed: no write needs more than one retry. Services are DOWN on {@code /q/health/ready} while HAProxy is
 * cut and UP again by themselves. {@code -Dduban.ha.rounds=3} repeats each kill three times (bench/RESULTS.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresFailoverTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final int ROUNDS = Integer.getInteger("duban.ha.rounds", 1);
    /** Acknowledged writes before a kill and after writes resumed. */
    static final int WRITES_AROUND_KILL = 25;

    HaCluster ha;
    Cluster cluster;
    Map<String, Long> pids = new HashMap<>();
    final String supervisor = Tokens.supervisor(REGION);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    final ObjectMapper json = new ObjectMapper();
    /** Assignments not yet reported on, handed to the writers one by one (a report per assignment). */
    final ConcurrentLinkedQueue<Map<String, Object>> fresh = new ConcurrentLinkedQueue<>();
    /** Every acknowledged report: key → report id. */
    final Map<String, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
    final List<String> measurements = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        ha = new HaCluster(io.duban.testing.OpenApiDrift.root()).up();
        cluster = new Cluster(Map.of("DUBAN_PROJECTION_INTERVAL", "1s", "DUBAN_ALERTS_CRON", "off"), "127.0.0.1",
                Integer.toString(ha.primaryPort)).start();
        for (ServiceProcess s : List.of(cluster.org, cluster.task, cluster.report)) {
            pids.put(s.name, s.pid());
        }
        fresh.addAll(KeyedReports.seed(cluster, supervisor));
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (ha != null) {
                ha.close();
            }
        }
    }

    @Test
    @Order(1)
    void readinessIsDownWhileTheDatabaseIsUnreachableAndComesBack() throws Exception {
        for (ServiceProcess s : services()) {
            assertEquals(200, ready(s), s.name + " ready before the cut");
        }
        ha.cutProxy();
        try {
            for (ServiceProcess s : services()) {
                assertTrue(eventually(() -> ready(s) == 503, 60), s.name + " still ready with its database unreachable");
            }
        } finally {
            ha.restoreProxy();
        }
        for (ServiceProcess s : services()) {
            assertTrue(eventually(() -> ready(s) == 200, 60), s.name + " did not come back by itself");
        }
        writeOne(0, "readiness");
    }

    @Test
    @Order(2)
    void aKilledPrimaryLosesNoAcknowledgedWrite() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            ha.awaitHealthy(Duration.ofSeconds(120));
            HaCluster.Member primary = ha.withRole("leader");
            Round r = killDuringWrites("primary-" + round, () -> ha.killPostgres(primary));
            measurements.add(String.format("primary kill %d (%s → %s): writes resumed %.1f s after the kill; %d failed attempts, "
                    + "max attempts of one write %d, slowest write %.1f s", round, primary.name(), newLeader(primary), r.resumedSeconds(), r.failures(),
                    r.maxAttempts(), r.slowestSeconds()));
            assertTrue(r.resumedSeconds() < 60, "writes did not resume within 60 s: " + r);
        }
        assertNothingLost();
    }

    @Test
    @Order(3)
    void aKilledReplicaInterruptsNoWriteBeyondOneRetry() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            ha.awaitHealthy(Duration.ofSeconds(120));
            // the synchronous standby: the replica whose loss the primary's commits wait on
            HaCluster.Member replica = ha.withRole("sync_standby");
            Round r = killDuringWrites("replica-" + round, () -> ha.killPostgres(replica));
            measurements.add(String.format("replica kill %d (%s, the sync standby): %d failed attempts, max attempts of one write %d, "
                    + "slowest write %.1f s", round, replica.name(), r.failures(), r.maxAttempts(), r.slowestSeconds()));
            assertTrue(r.maxAttempts() <= 2, "a write needed more than one retry: " + r);
        }
        assertNothingLost();
    }

    private String newLeader(HaCluster.Member old) {
        for (int i = 0; i < 120; i++) {
            String leader = ha.members().stream().filter(m -> m.role().equals("leader")).map(HaCluster.Member::name).findFirst().orElse("");
            if (!leader.isEmpty() && !leader.equals(old.name())) {
                return leader;
            }
            Api.sleep(250);
        }
        throw new AssertionError("no new leader after " + old.name() + " was killed: " + ha.members());
    }

    // ---- the writers -------------------------------------------------------------------------------------

    interface Kill {
        void run() throws Exception;
    }

    record Round(double resumedSeconds, int failures, int maxAttempts, double slowestSeconds) {
    }

    /** Two writers; the kill after {@link #WRITES_AROUND_KILL} acknowledged writes; as many after writes resumed. */
    Round killDuringWrites(String label, Kill kill) throws Exception {
        AtomicInteger before = new AtomicInteger();
        AtomicInteger after = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong killed = new java.util.concurrent.atomic.AtomicLong();
        List<long[]> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                while (after.get() < WRITES_AROUND_KILL) {
                    long[] o = writeOne(writer, label);
                    outcomes.add(o);
                    (killed.get() == 0 ? before : after).incrementAndGet();
                }
                return null;
            }));
        }
        while (before.get() < WRITES_AROUND_KILL) {
            Api.sleep(50);
        }
        kill.run();
        killed.set(System.nanoTime());
        for (Future<?> f : running) {
            f.get();
        }
        writers.shutdown();
        // o = {started, acknowledged, attempts, lastFailure}
        long[] killedAt = {killed.get()};
        long lastFailure = outcomes.stream().mapToLong(o -> o[3]).max().orElse(0);
        long resumed = outcomes.stream().mapToLong(o -> o[1]).filter(t -> t > Math.max(lastFailure, killedAt[0])).min().orElse(killedAt[0]);
        int failures = outcomes.stream().mapToInt(o -> (int) o[2] - 1).sum();
        int maxAttempts = outcomes.stream().mapToInt(o -> (int) o[2]).max().orElse(0);
        long slowest = outcomes.stream().mapToLong(o -> o[1] - o[0]).max().orElse(0);
        double resumedSeconds = lastFailure < killedAt[0] ? 0 : (resumed - killedAt[0]) / 1e9;
        Round r = new Round(resumedSeconds, failures, maxAttempts, slowest / 1e9);
        System.out.println(label + ": " + r);
        return r;
    }

    /**
     * One acknowledged report on a fresh assignment: its version read, then the POST with the key, retried with the
     * same key and body after any failure (a 5xx, a refused or cut connection, a timeout) until a 201. Returns
     * {started, acknowledged, attempts, time of the last failed attempt or 0} in nanoTime.
     */
    long[] writeOne(int writer, String label) throws Exception {
        Map<String, Object> assignment = fresh.poll();
        if (assignment == null) {
            throw new AssertionError("ran out of assignments to report on");
        }
        String id = (String) assignment.get("id");
        String key = "ha-" + label + "-" + id;
        byte[] body = json.writeValueAsBytes(Map.of("status", "IN_PROGRESS", "note", key));
        long started = System.nanoTime();
        long lastFailure = 0;
        int attempts = 0;
        long deadline = started + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                HttpResponse<String> r = KeyedReports.attempt(http, cluster, supervisor, assignment, key, body);
                if (r.statusCode() == 201) {
                    JsonNode reply = json.readTree(r.body());
                    String previous = acknowledged.put(key, reply.path("report").path("id").asText());
                    assertTrue(previous == null, "acknowledged twice: " + key);
                    return new long[] {started, System.nanoTime(), attempts, lastFailure};
                }
                if (r.statusCode() < 500) {
                    throw new AssertionError(key + ": " + r.statusCode() + " " + r.body());
                }
            } catch (IOException cutOrTimedOut) {
                // the connection was refused, cut or timed out: retried with the same key
            }
            lastFailure = System.nanoTime();
            Api.sleep(200);
        }
        throw new AssertionError(key + " not acknowledged within 120 s (" + attempts + " attempts)");
    }

    // ---- what must hold ----------------------------------------------------------------------------------

    /** Every acknowledged report once in task-service, in the feed, in report-service's projection; no restart. */
    void assertNothingLost() throws Exception {
        Map<String, Integer> rowsPerKey = new HashMap<>();
        Set<String> taskIds = new HashSet<>();
        try (Connection c = cluster.connect("task");
                PreparedStatement s = c.prepareStatement("select note, id from progress_report where region = ? and note like 'ha-%'")) {
            s.setString(1, REGION);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rowsPerKey.merge(r.getString(1), 1, Integer::sum);
                    taskIds.add(r.getString(2));
                }
            }
        }
        for (Map.Entry<String, String> a : acknowledged.entrySet()) {
            assertEquals(1, rowsPerKey.getOrDefault(a.getKey(), 0), "rows of acknowledged report " + a.getKey());
            assertTrue(taskIds.contains(a.getValue()), "the acknowledged report id " + a.getValue() + " is stored");
        }
        assertEquals(acknowledged.size(), taskIds.size(), "no report stored that was never acknowledged twice over");
        Api.feedShowing(cluster.task, acknowledged.values());
        Api.catchUp(cluster.report, cluster.task, acknowledged.values());
        Set<String> projected = new HashSet<>();
        try (Connection c = cluster.connect("report");
                PreparedStatement s = c.prepareStatement("select id from progress_report where region = ? and note like 'ha-%'")) {
            s.setString(1, REGION);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    projected.add(r.getString(1));
                }
            }
        }
        assertEquals(taskIds, projected, "report-service's projection holds the same reports");
        for (ServiceProcess s : services()) {
            assertTrue(s.alive() && pids.get(s.name) == s.pid(), s.name + " was restarted");
        }
        Files.createDirectories(cluster.root.resolve("e2e/target"));
        Files.write(cluster.root.resolve("e2e/target/failover-times.txt"), measurements, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        measurements.forEach(System.out::println);
    }

    private List<ServiceProcess> services() {
        return List.of(cluster.org, cluster.task, cluster.report);
    }

    private int ready(ServiceProcess s) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(s.managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, int seconds) {
        for (int i = 0; i < seconds * 4; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Api.sleep(250);
        }
        return false;
    }
}
