package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * A fuzz run over every operation of the three OpenAPI documents (issue 16 §5): each operation gets the
 * generated bad requests of {@link BadRequests} with a valid supervisor token of the seeded region, and its
 * well-formed base request with a foreign region's supervisor token and with a viewer token. Passes when no
 * answer is a 5xx, none takes longer than 5 s, every 4xx is {@code application/problem+json}, a foreign token
 * gets no 2xx on any of the region's operations, a viewer gets none on a write, and the three databases hold the
 * same rows before and after the foreign and viewer requests. The counts go to {@code e2e/target/fuzz-summary.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiFuzzTest {

    static final String REGION = "370323";
    static final String FOREIGN = "370124";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final Duration SLOW = Duration.ofSeconds(5);
    /** POSTs that compute an answer and write nothing: a viewer may call them. */
    static final Set<String> READS_BY_POST = Set.of("resolveResponsibility", "resolveResponsibilityBatch",
            // the credential is the refresh token in the body, not the bearer: an unknown one revokes nothing (204)
            "signOut");
    /**
     * Tables that record a refused attempt (who tried what): rows there are the refusal, not a write by the token.
     * The audit trail (issue 16) records every 401/403 and every write attempt in each service, and seals them.
     */
    static final Set<String> RECORDS_OF_REFUSALS = Set.of("org.auth_event", "org.audit_record", "org.audit_chain", "org.audit_seal",
            "org.audit_seal_cursor", "task.audit_record", "task.audit_chain", "task.audit_seal", "task.audit_seal_cursor",
            "report.audit_record", "report.audit_chain", "report.audit_seal", "report.audit_seal_cursor");
    /** OAuth 2.0's token endpoint answers its errors as RFC 6749 §5.2 JSON ({@code {"error": "invalid_client"}}). */
    static final Set<String> OAUTH_ERRORS = Set.of("issueClientToken");

    Cluster cluster;
    BadRequests.Ids ids;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final List<String> failures = new ArrayList<>();
    final Map<String, int[]> counts = new TreeMap<>();
    final Map<String, Long> slowest = new TreeMap<>();
    final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    @BeforeAll
    void start() throws Exception {
        cluster = new Cluster(Map.of("DUBAN_ALERTS_CRON", "off")).start();
        ids = new BadRequests.Ids(REGION, seed(REGION, true), seed(FOREIGN, false));
        warmUp();
    }

    /**
     * Every read once, untimed, before the timed phases: the first export of a sheet loads POI and compiles its code,
     * which on a loaded 2-core machine took 6.8 s once; the 5 s bound is about a warm service.
     */
    private void warmUp() throws IOException {
        String supervisor = Tokens.supervisor(REGION);
        for (String service : List.of("org", "task", "report")) {
            BadRequests gen = generator(service);
            ServiceProcess target = target(service);
            for (BadRequests.Operation op : gen.operations(service)) {
                if (op.method().equals("GET")) {
                    try {
                        http.send(HttpRequest.newBuilder(URI.create(target.url() + gen.base(op).pathAndQuery()))
                                .header("Authorization", Tokens.bearer(supervisor)).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    private ServiceProcess target(String service) {
        return switch (service) {
            case "org" -> cluster.org;
            case "task" -> cluster.task;
            default -> cluster.report;
        };
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void foreignAndViewerTokensWriteNothing() throws Exception {
        Api.catchUp(cluster.report, cluster.task, List.of());
        Map<String, Long> before = rowCounts();
        String foreign = Tokens.supervisor(FOREIGN);
        String viewer = Tokens.viewer(REGION);
        for (String service : List.of("org", "task", "report")) {
            BadRequests gen = generator(service);
            for (BadRequests.Operation op : gen.operations(service)) {
                BadRequests.Case base = gen.base(op);
                int foreignStatus = send(op, base, foreign, "foreign token");
                if (op.regionScoped() && foreignStatus / 100 == 2) {
                    failures.add(op + ": a foreign region's token got " + foreignStatus);
                }
                int viewerStatus = send(op, base, viewer, "viewer token");
                if (isWrite(op) && viewerStatus / 100 == 2) {
                    failures.add(op + ": a viewer token wrote (" + viewerStatus + ")");
                }
                counts.computeIfAbsent(service, s -> new int[3])[1] += 2;
            }
        }
        Map<String, Long> after = rowCounts();
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, n) -> {
            if (!n.equals(before.get(table)) && !RECORDS_OF_REFUSALS.contains(table)) {
                changed.put(table, before.get(table) + " → " + n);
            }
        });
        assertEquals(Map.of(), changed, "rows changed by foreign and viewer requests");
        for (String service : List.of("org", "task", "report")) {
            // and the refusals did leave their records
            assertTrue(after.get(service + ".audit_record") > before.get(service + ".audit_record"), service + ": no refusal audited");
        }
        assertEquals(List.of(), failures);
    }

    @Test
    @Order(2)
    void everyOperationAnswersBadRequestsWithProblems() throws Exception {
        String supervisor = Tokens.supervisor(REGION);
        for (String service : List.of("org", "task", "report")) {
            BadRequests gen = generator(service);
            for (BadRequests.Operation op : gen.operations(service)) {
                counts.computeIfAbsent(service, s -> new int[3])[0]++;
                for (BadRequests.Case c : gen.cases(op)) {
                    send(op, c, supervisor, c.name());
                    counts.get(service)[2]++;
                }
            }
        }
        StringBuilder summary = new StringBuilder("service  operations  bad requests (valid token)  token requests (foreign + viewer)  slowest ms  statuses\n");
        counts.forEach((service, n) -> summary.append(String.format("%-8s %10d %27d %35d %11d  %s%n", service, n[0], n[2], n[1],
                slowest.getOrDefault(service, 0L), statuses.get(service))));
        System.out.println(summary);
        Files.writeString(cluster.root.resolve("e2e/target/fuzz-summary.txt"), summary);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(200, failures.size()))));
    }

    // ---- sending -----------------------------------------------------------------------------------------

    private int send(BadRequests.Operation op, BadRequests.Case c, String token, String what) {
        ServiceProcess target = target(op.service());
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(target.url() + c.pathAndQuery())).timeout(Duration.ofSeconds(30))
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()))
                    .header("Authorization", Tokens.bearer(token));
            c.headers().forEach(request::header);
        } catch (IllegalArgumentException unsendable) {
            failures.add(op + " [" + what + "]: the generator built a request the client cannot send: " + unsendable.getMessage());
            return 0;
        }
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            failures.add(op + " [" + what + "]: no answer: " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int status = response.statusCode();
        slowest.merge(op.service(), ms, Math::max);
        statuses.computeIfAbsent(op.service(), s -> new TreeMap<>()).merge(status, 1, Integer::sum);
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String label = op + " [" + what + "] " + c.pathAndQuery().substring(0, Math.min(160, c.pathAndQuery().length()));
        if (status >= 500) {
            failures.add(label + ": " + status + " " + body.substring(0, Math.min(300, body.length())));
        } else if (status >= 400 && !type.startsWith("application/problem+json")
                && !(OAUTH_ERRORS.contains(op.operationId()) && type.startsWith("application/json") && body.contains("\"error\""))) {
            failures.add(label + ": " + status + " as '" + type + "' " + body.substring(0, Math.min(200, body.length())));
        }
        if (ms > SLOW.toMillis()) {
            failures.add(label + ": answered in " + ms + " ms (at " + java.time.LocalTime.now() + ")");
        }
        return status;
    }

    private static boolean isWrite(BadRequests.Operation op) {
        return !op.method().equals("GET") && !READS_BY_POST.contains(op.operationId());
    }

    private BadRequests generator(String service) throws IOException {
        return new BadRequests(cluster.root.resolve("openapi/" + service + "-service.yaml"), ids);
    }

    // ---- the seeded regions ------------------------------------------------------------------------------

    /** Units, a plan with its table, and in the main region one of everything a path can name; ids by kind. */
    private Map<String, String> seed(String region, boolean full) {
        String base = "/api/v1/regions/" + region;
        String supervisor = Tokens.supervisor(region);
        String system = Tokens.system(region);
        Map<String, String> ids = new HashMap<>();
        Api.as(cluster.org, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.UNITS_TSV))
                .post(base + "/units/import").then().statusCode(200);
        List<Map<String, Object>> units = Api.as(cluster.org, supervisor).queryParam("size", 500).get(base + "/units").then()
                .statusCode(200).extract().path("items");
        ids.put("plan", Api.as(cluster.task, supervisor).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS"))
                .post(base + "/plans").then().statusCode(201).extract().path("id"));
        Api.as(cluster.task, supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(base + "/plans/" + ids.get("plan") + "/import").then().statusCode(200);
        Map<String, Object> assignment = Api.as(cluster.task, supervisor).queryParam("size", 1).get(base + "/assignments").then()
                .statusCode(200).extract().path("items[0]");
        ids.put("assignment", (String) assignment.get("id"));
        ids.put("task", (String) assignment.get("taskId"));
        ids.put("unit", (String) assignment.get("unitId"));
        ids.put("group", Api.as(cluster.org, supervisor).contentType("application/json")
                .body(Map.of("name", "模糊测试组" + region, "memberIds", List.of(ids.get("unit"))))
                .post(base + "/groups").then().statusCode(201).extract().path("id"));
        ids.put("account", Api.as(cluster.org, system).contentType("application/json")
                .body(Map.of("username", "fuzz_" + region, "displayName", "模糊测试", "role", "viewer"))
                .post(base + "/accounts").then().statusCode(201).extract().path("id"));
        ids.put("apiclient", Api.as(cluster.org, supervisor).contentType("application/json")
                .body(Map.of("name", "模糊测试系统" + region, "role", "viewer"))
                .post(base + "/api-clients").then().statusCode(201).extract().path("id"));
        if (!full) {
            return ids;
        }
        String unit = Tokens.unit(region, ids.get("unit"));
        ids.put("report", Api.as(cluster.task, unit).contentType("application/json").header("If-Match", "\"" + assignment.get("version") + "\"")
                .body(Map.of("status", "IN_PROGRESS", "note", "进行中"))
                .post(base + "/assignments/" + ids.get("assignment") + "/reports").then().statusCode(201).extract().path("report.id"));
        ids.put("dispute", Api.as(cluster.task, unit).contentType("application/json").body(Map.of("reason", "非本单位职责"))
                .post(base + "/assignments/" + ids.get("assignment") + "/disputes").then().statusCode(201).extract().path("id"));
        Api.catchUp(cluster.report, cluster.task, List.of(ids.get("report")));
        // a bulletin needs the region's profile (a first PUT needs no If-Match)
        Api.as(cluster.report, supervisor).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县大数据中心"))
                .put(base + "/profile").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        ids.put("bulletin", Api.as(cluster.report, supervisor).contentType("application/json")
                .body(Map.of("year", 2023, "quarter", 3, "asOf", "2023-09-30"))
                .post(base + "/bulletins").then().statusCode(201).extract().path("id"));
        units.stream().map(u -> (String) u.get("id")).filter(id -> !id.equals(ids.get("unit"))).findFirst()
                .ifPresent(id -> ids.put("other unit", id));
        return ids;
    }

    /** Rows per table of the three databases. */
    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String svc : List.of("org", "task", "report")) {
            try (Connection c = cluster.connect(svc); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select table_name from information_schema.tables where table_schema = 'public'"
                        + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                        r.next();
                        counts.put(svc + "." + table, r.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
