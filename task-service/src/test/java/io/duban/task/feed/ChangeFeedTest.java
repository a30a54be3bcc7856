package io.duban.task.feed;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.task.support.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

    static final String SYSTEM = Tokens.system("*");

    /** Follows the feed from {@code cursor} to its current end; adds the ids of {@code region}'s items of {@code type}. */
    static String drain(String cursor, String region, String type, Set<String> ids, List<Map<String, Object>> items) {
        while (true) {
            JsonPath page = Api.as(SYSTEM).queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                if (region.equals(item.get("region")) && (type == null || type.equals(item.get("type")))) {
                    ids.add((String) item.get("id"));
                    if (items != null) {
                        items.add(item);
                    }
                }
            }
            cursor = page.getString("next");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    /**
     * Follows the feed until {@code region} has at least {@code expected} items of {@code type} (or 60 s pass). The
     * feed only hands out changes older than every transaction still running in the whole PostgreSQL cluster, so
     * another suite's open transaction can hold new changes back for a while — it must never lose them.
     */
    static String follow(String cursor, String region, String type, Set<String> ids, List<Map<String, Object>> items, int expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        cursor = drain(cursor, region, type, ids, items);
        while (ids.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            cursor = drain(cursor, region, type, ids, items);
        }
        return cursor;
    }

    /**
     * A cursor at the newest change (the test database keeps every earlier run's feed, so tests
     * start from here instead of reading it all). Tests use fresh regions, so nothing of theirs is behind it.
     */
    static String head() {
        try (Connection c = jdbc(); var st = c.createStatement();
                var rs = st.executeQuery("select txid::text || ':' || id from change_log order by txid desc, id desc limit 1")) {
            return rs.next() ? rs.getString(1) : "";
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection jdbc() throws java.sql.SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    @Test
    void neverSkipsOutOfOrderCommits() throws Exception {
        String region = Regions.fresh();
        String cursor = head();
        UUID early = UUID.randomUUID();
        try (Connection slow = jdbc()) {
            slow.setAutoCommit(false);
            try (var st = slow.prepareStatement("insert into change_log (region, type, entity_id, data) values (?, 'PLAN', ?, '{}'::jsonb)")) {
                st.setString(1, region);
                st.setObject(2, early);
                st.executeUpdate();
            }
            // a later transaction commits first
            String plan = Api.yiyuanPlan(region);
            Set<String> seen = new HashSet<>();
            String after = drain(cursor, region, null, seen, null);
            assertFalse(seen.contains(plan), "a change behind a running transaction must wait for it");
            assertFalse(seen.contains(early.toString()));
            slow.commit();
            List<Map<String, Object>> items = new ArrayList<>();
            follow(after, region, null, seen, items, 2);
            assertEquals(List.of(early.toString(), plan), items.stream().map(i -> (String) i.get("id")).toList());
        }
    }

    @Test
    void concurrentWritersAreAllSeenByAFollowingReader() throws Exception {
        String region = Regions.fresh();
        String start = head();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<String> written = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            Future<Set<String>> reader = pool.submit(() -> {
                Set<String> read = new HashSet<>();
                String cursor = start;
                while (writing.get()) {
                    cursor = drain(cursor, region, "PLAN", read, null);
                }
                follow(cursor, region, "PLAN", read, null, 90);
                return read;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 6; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        written.add(Api.yiyuanPlan(region));
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            Set<String> read = reader.get();
            assertEquals(90, written.size());
            assertEquals(written, read);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void snapshotsCarryTheContractFields() throws Exception {
        String region = Regions.fresh();
        String cursor = head();
        String plan = Api.importedYiyuan(region);
        List<Map<String, Object>> items = new ArrayList<>();
        follow(cursor, region, null, new HashSet<>(), items, 1 + 48); // the import is one transaction: all of it or none
        Map<String, Object> planItem = items.get(0);
        assertEquals("PLAN", planItem.get("type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) planItem.get("data");
        assertEquals(Set.of("id", "region", "title", "docNumber", "issuedOn", "year", "kind", "ledgerDueOn", "version"), data.keySet());
        assertEquals("2023-08-09", data.get("issuedOn"));
        assertEquals(plan, data.get("id"));
        assertEquals(48, items.stream().filter(i -> "TASK".equals(i.get("type"))).count());
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) items.stream().filter(i -> "TASK".equals(i.get("type"))).findFirst().orElseThrow().get("data");
        assertEquals(Set.of("id", "region", "planId", "seq", "category", "requirement", "responsibleText", "deadlineText", "deadline",
                "needsReview", "version"), task.keySet());
        @SuppressWarnings("unchecked")
        Map<String, Object> assignment = (Map<String, Object>) items.stream().filter(i -> "ASSIGNMENT".equals(i.get("type"))).findFirst()
                .orElseThrow().get("data");
        assertEquals(Set.of("id", "region", "planId", "taskId", "unitId", "unitName", "role", "status", "active", "createdOn", "acknowledgedOn", "version"),
                assignment.keySet());
        assertTrue(((String) items.get(0).get("cursor")).matches("\\d+:\\d+"));
    }

    @Test
    void onlySystemMayReadTheFeedAndBadParametersAre400() {
        String region = Regions.fresh();
        Api.as(Tokens.supervisor(region)).get("/api/v1/changes").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/changes").then().statusCode(401);
        Api.as(SYSTEM).get("/api/v1/changes?after=garbage").then().statusCode(400);
        Api.as(SYSTEM).get("/api/v1/changes?after=99999999999999999999:1").then().statusCode(400);
        Api.as(SYSTEM).get("/api/v1/changes?after=1:9999999999999999999").then().statusCode(400);
        Api.as(SYSTEM).get("/api/v1/changes?limit=5001").then().statusCode(400);
        Api.as(SYSTEM).get("/api/v1/changes?limit=0").then().statusCode(400);
        String end = drain(head(), "none", null, new HashSet<>(), null);
        Api.as(SYSTEM).queryParam("after", end).get("/api/v1/changes").then().statusCode(200)
                .body("next", org.hamcrest.Matchers.equalTo(end)).body("hasMore", org.hamcrest.Matchers.equalTo(false));
        supervisor(region).get(base(region) + "/plans").then().statusCode(200);
    }
}
