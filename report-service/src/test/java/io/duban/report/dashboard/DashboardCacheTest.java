package io.duban.report.dashboard;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.report.support.WebhookReceiver;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard cached per region data version: served from the cache while nothing is written, recomputed after
 * every kind of write that changes one of its numbers, and revalidated with If-None-Match → 304. As of 2023-09-01:
 * 县商务局 (u-b) and 县教育和体育局 (u-a) each have task 5 overdue (FIXED 2023-08-25); u-b has task 6 open.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class DashboardCacheTest {

    static final String AS_OF = "2023-09-01";

    @Inject
    DashboardCache cache;

    @Inject
    Pool pool;

    String region;
    Snapshots.AssignmentBuilder t5b;
    WebhookReceiver receiver;

    @BeforeEach
    void publish() throws Exception {
        region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t5 = task(p).seq(5).deadline("2023年8月25日前", new DeadlineRule.Fixed(LocalDate.of(2023, 8, 25)));
        Snapshots.TaskBuilder t6 = task(p).seq(6).deadline("2023年年底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        t5b = assignment(t5, "u-b", "县商务局", "LEAD");
        FeedScript.publish(p.item(), t5.item(), t6.item(), t5b.item(), assignment(t6, "u-b", "县商务局", "LEAD").item(),
                assignment(t5, "u-a", "县教育和体育局", "LEAD").item());
        Api.sync().statusCode(200);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void anUnchangedDashboardIsComputedOnceAndRevalidatedWith304() {
        long before = cache.computations();
        ExtractableResponse<Response> first = dashboard(null).statusCode(200).header("ETag", notNullValue())
                .header("Cache-Control", equalTo("private, no-cache")).body("totals.OVERDUE", equalTo(2)).extract();
        String etag = first.header("ETag");
        for (int i = 0; i < 3; i++) {
            dashboard(null).statusCode(200).header("ETag", equalTo(etag)).body("totals.OVERDUE", equalTo(2));
        }
        assertEquals(1, cache.computations() - before);
        dashboard(etag).statusCode(304).header("ETag", equalTo(etag));
        dashboard("\"other\", " + etag).statusCode(304);
        dashboard("W/\"stale\"").statusCode(200);
        // another asOf is another answer
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-08-01").get(base() + "/dashboard").then().statusCode(200)
                .header("ETag", not(equalTo(etag))).body("totals.OVERDUE", equalTo(0));
        assertEquals(2, cache.computations() - before);
        // the county view of a prefecture token shares the answer
        Api.as(Tokens.viewer(region.substring(0, 4) + "00")).queryParam("asOf", AS_OF)
                .get("/api/v1/counties/" + region + "/dashboard").then().statusCode(200)
                .header("ETag", equalTo(etag)).body("totals.OVERDUE", equalTo(2));
        assertEquals(2, cache.computations() - before);
    }

    @Test
    void concurrentMissesShareOneComputation() throws Exception {
        long before = cache.computations();
        int callers = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        var start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> overdue = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                overdue.add(pool.submit(() -> {
                    start.await();
                    return dashboard(null).statusCode(200).extract().<Integer>path("totals.OVERDUE");
                }));
            }
            start.countDown();
            for (var f : overdue) {
                assertEquals(2, f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        // whatever the interleaving: a caller either joins the computation in flight or finds its kept answer
        assertEquals(1, cache.computations() - before);
    }

    @Test
    void aProgressReportThroughTheFeedChangesIt() {
        String etag = dashboard(null).statusCode(200).body("totals.OVERDUE", equalTo(2)).extract().header("ETag");
        FeedScript.publish(report(t5b).done("2023-08-24").item());
        Api.sync().statusCode(200);
        String after = dashboard(etag).statusCode(200).body("totals.OVERDUE", equalTo(1))
                .body("totals.DONE_ON_TIME", equalTo(1)).extract().header("ETag");
        assertNotEquals(etag, after);
    }

    @Test
    void aFindingChangesIt() {
        String etag = dashboard(null).statusCode(200).body("supervision.overdueFindings", equalTo(0)).extract().header("ETag");
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("unitId", "u-b", "foundOn", "2023-08-01", "source", "DAILY_CHECK",
                        "description", "政务公开专栏未更新", "points", 1, "rectifyBy", "2023-08-10"))
                .post(base() + "/findings").then().statusCode(201);
        dashboard(etag).statusCode(200).body("supervision.overdueFindings", equalTo(1));
    }

    @Test
    void anExtensionRequestChangesIt() {
        String etag = dashboard(null).statusCode(200).body("supervision.pendingExtensionRequests", equalTo(0))
                .extract().header("ETag");
        // task 6, not yet due (an overdue obligation cannot ask for more time)
        String obligation = Api.obligations(region, AS_OF, "unitId", "u-b").statusCode(200).extract()
                .path("items.find { it.taskSeq == 6 }.id");
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json")
                .body(Map.of("requestedDueOn", "2024-01-31", "reason", "涉及多部门协调，需延期"))
                .post(base() + "/obligations/" + obligation + "/extension-requests").then().statusCode(201);
        dashboard(etag).statusCode(200).body("supervision.pendingExtensionRequests", equalTo(1));
    }

    @Test
    void anUrgeAndItsReadingChangeIt() {
        Map<String, Object> channel = new HashMap<>();
        channel.put("url", receiver.url("/hook"));
        channel.put("format", "GENERIC");
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("default", channel)).put(base() + "/alert-channels").then().statusCode(200);
        String etag = dashboard(null).statusCode(200).body("supervision.unreadUrges", equalTo(0)).extract().header("ETag");
        String urge = Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("unitId", "u-b"))
                .post(base() + "/urges").then().statusCode(201).extract().path("id");
        etag = dashboard(etag).statusCode(200).body("supervision.unreadUrges", equalTo(1)).extract().header("ETag");
        Api.as(Tokens.unit(region, "u-b")).post(base() + "/urges/" + urge + "/receipt").then().statusCode(200);
        dashboard(etag).statusCode(200).body("supervision.unreadUrges", equalTo(0));
    }

    @Test
    void aWriteInAnotherRegionLeavesItCached() {
        dashboard(null).statusCode(200);
        long before = cache.computations();
        String other = Regions.fresh();
        FeedScript.publish(plan(other).issuedOn("2023-08-09").item());
        Api.sync().statusCode(200);
        dashboard(null).statusCode(200);
        assertEquals(0, cache.computations() - before);
    }

    /** Every table with a region column moves the version, unless it is named here as feeding no dashboard number. */
    @Test
    void everyRegionTableMovesTheDataVersion() {
        Set<String> noDashboardNumber = Set.of("alert", "alert_channels", "assessment", "assessment_scheme", "bulletin",
                "calendar_key", "creation_key", "projection_quarantine", "audit_chain", "audit_record", "audit_seal",
                "region_data_version");
        List<String> missing = new ArrayList<>();
        for (Row r : pool.query("SELECT c.table_name, EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.table_name::regclass"
                        + " AND g.tgname = 'data_version_ins') AS has FROM information_schema.columns c"
                        + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                        + " WHERE c.table_schema = current_schema() AND c.column_name = 'region' AND t.table_type = 'BASE TABLE'")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            if (!r.getBoolean("has") && !noDashboardNumber.contains(r.getString("table_name"))) {
                missing.add(r.getString("table_name"));
            }
        }
        assertTrue(missing.isEmpty(), "tables without the data_version triggers: " + missing);
    }

    private io.restassured.response.ValidatableResponse dashboard(String ifNoneMatch) {
        var r = Api.as(Tokens.supervisor(region)).queryParam("asOf", AS_OF);
        if (ifNoneMatch != null) {
            r = r.header("If-None-Match", ifNoneMatch);
        }
        return r.get(base() + "/dashboard").then();
    }

    private String base() {
        return "/api/v1/regions/" + region;
    }
}
