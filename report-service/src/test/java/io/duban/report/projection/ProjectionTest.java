package io.duban.report.projection;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ProjectionTest {

    static final String AS_OF = "2023-10-01";

    /** A plan with one FIXED task, a LEAD and a CO unit: one obligation. */
    static List<Snapshots.Item> fixedTask(String region) {
        Snapshots.PlanBuilder p = plan(region);
        Snapshots.TaskBuilder t = task(p).seq(3).deadline("2023年12月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        return List.of(p.item(), t.item(), assignment(t, "u-lead", "县商务局", "LEAD").item(),
                assignment(t, "u-co", "县文化和旅游局", "CO").item());
    }

    static long appliedTotal() {
        return ((Number) Api.as(Tokens.system("*")).get("/api/v1/admin/projection").then().statusCode(200)
                .extract().path("appliedTotal")).longValue();
    }

    @Test
    void applyingTheSameSnapshotsAgainChangesNothing() {
        String region = Regions.fresh();
        List<Snapshots.Item> items = fixedTask(region);
        FeedScript.publish(items);
        Api.sync().statusCode(200);
        String id = Api.obligations(region, AS_OF).statusCode(200).body("total", equalTo(1))
                .body("items[0].unitId", equalTo("u-lead")).body("items[0].dueOn", equalTo("2023-12-31"))
                .body("items[0].status", equalTo("OPEN")).extract().path("items[0].id");

        FeedScript.publish(items);
        Api.sync().statusCode(200);
        Api.obligations(region, AS_OF).statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void anItemOfAnUnknownTypeIsSkippedCountedAndPassed() {
        String region = Regions.fresh();
        double skippedBefore = metric("duban_projection_changes_skipped_total");
        List<Snapshots.Item> items = new ArrayList<>();
        // a newer task-service's type, ahead of snapshots this service knows: those still arrive
        items.add(new Snapshots.Item("SOME_FUTURE_TYPE", region, java.util.UUID.randomUUID().toString(),
                java.util.Map.of("region", region, "measures", "建立台账")));
        items.addAll(fixedTask(region));
        FeedScript.publish(items);
        Api.sync().statusCode(200);
        Api.obligations(region, AS_OF).statusCode(200).body("total", equalTo(1));
        assertEquals(skippedBefore + 1, metric("duban_projection_changes_skipped_total"));
        Api.as(Tokens.viewer(region)).get("/api/v1/admin/projection").then().statusCode(200)
                .body("cursor", endsWith(":" + FeedScript.size()));
    }

    @Test
    void keepsServingWhileTaskServiceIsDownAndCatchesUpAfterwards() {
        String region = Regions.fresh();
        FeedScript.publish(fixedTask(region));
        Api.sync().statusCode(200);

        FeedScript.down();
        double failuresBefore = metric("duban_projection_failures_total");
        double appliedBefore = metric("duban_projection_changes_applied_total");
        List<Snapshots.Item> more = fixedTask(region);
        try {
            FeedScript.publish(more);
            Api.sync().statusCode(503).contentType("application/problem+json");
            assertEquals(failuresBefore + 1, metric("duban_projection_failures_total"));
            Api.obligations(region, AS_OF).statusCode(200).body("total", equalTo(1));
            Api.as(Tokens.supervisor(region)).get("/api/v1/admin/projection").then().statusCode(200)
                    .body("lastError", notNullValue()).body("lastErrorAt", notNullValue())
                    // the cause is in the log; the state says what happened in Chinese and names no exception
                    .body("lastError", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
        } finally {
            FeedScript.up();
        }
        Api.sync().statusCode(200).body("hasMore", equalTo(false));
        assertEquals(appliedBefore + more.size(), metric("duban_projection_changes_applied_total"));
        Api.obligations(region, AS_OF).statusCode(200).body("total", equalTo(2));
        Api.as(Tokens.viewer(region)).get("/api/v1/admin/projection").then().statusCode(200)
                .body("behind", equalTo(false)).body("cursor", endsWith(":" + FeedScript.size()));
    }

    private static void syncToTheEnd() {
        for (int i = 0; i < 1000 && Boolean.TRUE.equals(Api.sync().statusCode(200).extract().path("hasMore")); i++) {
            // each round applies up to the follower's batches per run
        }
    }

    @Test
    void concurrentFollowersApplyEveryChangeExactlyOnce() throws Exception {
        // the fake feed holds every earlier test class's changes: follow it to its end first (one sync runs a bounded
        // number of batches)
        syncToTheEnd();
        long before = appliedTotal();
        String region = Regions.fresh();
        List<Snapshots.Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.addAll(fixedTask(region));
        }
        FeedScript.publish(items);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> Api.sync().extract().statusCode(), pool));
            }
            for (CompletableFuture<Integer> r : runs) {
                assertEquals(200, r.get());
            }
        } finally {
            pool.shutdown();
        }
        syncToTheEnd();
        assertEquals(items.size(), appliedTotal() - before);
        Api.obligations(region, AS_OF).statusCode(200).body("total", equalTo(10));
    }

    @Test
    void rebuildEndsInTheSameState() {
        String region = Regions.fresh();
        FeedScript.publish(fixedTask(region));
        FeedScript.publish(fixedTask(region));
        Api.sync().statusCode(200);
        List<Object> before = Api.obligations(region, AS_OF).statusCode(200).extract().path("items");

        Api.as(Tokens.system("*")).post("/api/v1/admin/projection/rebuild").then().statusCode(200)
                .body("hasMore", equalTo(false))
                .body("regions.find { it.region == '" + region + "' }.tasks", equalTo(2))
                .body("regions.find { it.region == '" + region + "' }.obligations", equalTo(before.size()));
        Api.obligations(region, AS_OF).statusCode(200).body("items", hasSize(2));
        List<Object> after = Api.obligations(region, AS_OF).extract().path("items");
        assertEquals(before, after);
    }

    @Test
    void aRebuildRefusesToStartWhileAnotherRuns() throws Exception {
        try (java.sql.Connection c = jdbc(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE projection_cursor SET rebuild_started_at = now() WHERE name = 'task-feed'");
            try {
                Api.as(Tokens.system("*")).post("/api/v1/admin/projection/rebuild").then().statusCode(409)
                        .contentType("application/problem+json");
            } finally {
                st.executeUpdate("UPDATE projection_cursor SET rebuild_started_at = NULL WHERE name = 'task-feed'");
            }
            // a mark left by a replica that crashed an hour ago does not block for ever
            st.executeUpdate("UPDATE projection_cursor SET rebuild_started_at = now() - interval '2 hours' WHERE name = 'task-feed'");
            Api.as(Tokens.system("*")).post("/api/v1/admin/projection/rebuild").then().statusCode(200);
            try (java.sql.ResultSet rs = st.executeQuery("SELECT rebuild_started_at FROM projection_cursor WHERE name = 'task-feed'")) {
                rs.next();
                assertEquals(null, rs.getObject(1), "the mark is cleared when the rebuild ends");
            }
        }
    }

    static java.sql.Connection jdbc() throws java.sql.SQLException {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        return java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    @Test
    void onlyTheOperatorSyncsOrRebuildsTheProjection() {
        String region = Regions.fresh();
        // a county's supervisor must not truncate and replay every county's projection
        Api.as(Tokens.supervisor(region)).post("/api/v1/admin/projection/rebuild").then().statusCode(403);
        Api.as(Tokens.supervisor(region)).post("/api/v1/admin/projection/sync").then().statusCode(403);
        Api.as(Tokens.supervisor(region)).get("/api/v1/admin/projection").then().statusCode(200);
        Api.as(Tokens.unit(region, "u-1")).post("/api/v1/admin/projection/sync").then().statusCode(403);
        Api.as(Tokens.viewer(region)).post("/api/v1/admin/projection/rebuild").then().statusCode(403);
        Api.as(Tokens.unit(region, "u-1")).get("/api/v1/admin/projection").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/admin/projection").then().statusCode(401);
    }

    /** A counter's value from the Prometheus page (0 before it was first registered). */
    static double metric(String name) {
        String page = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String line : page.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
