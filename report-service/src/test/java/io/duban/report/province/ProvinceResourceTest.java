package io.duban.report.province;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The province view counts open overdue obligations per county under a code prefix. Test codes
 * live under 99xx (outside {@code Regions.fresh()}'s 90–98 range); a rerun on the same database may
 * find its own earlier rows there, so counts are asserted as increments.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ProvinceResourceTest {

    private static final String PATH = "/api/v1/overdue/summary";

    @Inject
    OverdueSummaryCache summaries;

    @Test
    void anUnchangedSummaryIsServedFromTheCacheAndAWriteInACoveredCountyRecomputesIt() {
        String city = "98" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 100));
        String a = city + "01";
        Snapshots.PlanBuilder p = plan(a).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t = task(p).seq(1).deadline("2023年9月15日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 15)));
        FeedScript.publish(p.item(), t.item(), assignment(t, "u-1", "县民政局", "LEAD").item());
        Api.sync().statusCode(200);
        long before = summaries.computations();
        Map<String, Long> first = counts(Tokens.viewer(city + "00"), city, "2023-10-09");
        assertEquals(first, counts(Tokens.viewer(city + "00"), city, "2023-10-09"));
        assertEquals(1, summaries.computations() - before);
        // revalidated with its ETag: 304 while nothing is written, another asOf is another answer
        String etag = Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-09").get(PATH).then().statusCode(200)
                .header("Cache-Control", "private, no-cache").extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertNotNull(etag);
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-09").header("If-None-Match", etag).get(PATH).then()
                .statusCode(304).header("ETag", etag);
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-10").header("If-None-Match", etag).get(PATH).then()
                .statusCode(200);
        // a narrower code is another summary, never the province's answer
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-09").queryParam("regionPrefix", a)
                .header("If-None-Match", etag).get(PATH).then().statusCode(200);
        long beforeWrite = summaries.computations();

        Snapshots.TaskBuilder t2 = task(p).seq(2).deadline("2023年9月20日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 20)));
        FeedScript.publish(t2.item(), assignment(t2, "u-2", "县商务局", "LEAD").item());
        Api.sync().statusCode(200);
        assertEquals(first.get(a) + 1, counts(Tokens.viewer(city + "00"), city, "2023-10-09").get(a));
        assertEquals(1, summaries.computations() - beforeWrite);
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-09").header("If-None-Match", etag).get(PATH).then()
                .statusCode(200).header("ETag", org.hamcrest.Matchers.not(etag));
    }

    @Test
    void countsOpenOverdueObligationsPerCountyUnderTheCallersCode() {
        // 01–99: a middle "00" would make the prefecture code a province code (990000)
        String city = "99" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 100));
        String a = city + "01";
        String b = city + "02";
        Map<String, Long> before = counts(Tokens.system("*"), city, "2023-10-09");

        // a: three FIXED obligations due 2023-09-15, one done on time, one done late (after asOf too), one open.
        Snapshots.PlanBuilder pa = plan(a).issuedOn("2023-08-09");
        Snapshots.TaskBuilder ta = task(pa).seq(1).deadline("2023年9月15日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 15)));
        Snapshots.AssignmentBuilder a1 = assignment(ta, "u-1", "县民政局", "LEAD");
        Snapshots.AssignmentBuilder a2 = assignment(ta, "u-2", "县商务局", "RESPONSIBLE");
        Snapshots.AssignmentBuilder a3 = assignment(ta, "u-3", "县财政局", "RESPONSIBLE");
        Snapshots.AssignmentBuilder a4 = assignment(ta, "u-4", "县审计局", "CO");
        // b: one open obligation due 2023-09-15 and one due after asOf.
        Snapshots.PlanBuilder pb = plan(b).issuedOn("2023-08-09");
        Snapshots.TaskBuilder tb = task(pb).seq(1).deadline("2023年9月15日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 15)));
        Snapshots.AssignmentBuilder b1 = assignment(tb, "u-1", "县民政局", "LEAD");
        Snapshots.TaskBuilder tb2 = task(pb).seq(2).deadline("2023年12月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        Snapshots.AssignmentBuilder b2 = assignment(tb2, "u-1", "县民政局", "LEAD");
        FeedScript.publish(pa.item(), ta.item(), a1.item(), a2.item(), a3.item(), a4.item(),
                report(a1).done("2023-09-14").item(), report(a2).done("2023-10-10").item(),
                pb.item(), tb.item(), b1.item(), tb2.item(), b2.item());
        Api.sync().statusCode(200);

        Map<String, Long> after = counts(Tokens.system("*"), city, "2023-10-09");
        assertEquals(2, after.getOrDefault(a, 0L) - before.getOrDefault(a, 0L), "a2 (done after asOf) and a3");
        assertEquals(1, after.getOrDefault(b, 0L) - before.getOrDefault(b, 0L), "b1 only; b2 not due yet");

        // A prefecture token sees its counties; the total is the sum of the listed regions.
        Map<String, Object> body = Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-09").get(PATH)
                .then().statusCode(200).body("regionPrefix", equalTo(city)).body("asOf", equalTo("2023-10-09"))
                .extract().as(Map.class);
        long sum = ((List<Map<String, Object>>) body.get("regions")).stream().mapToLong(r -> ((Number) r.get("overdue")).longValue()).sum();
        assertEquals(((Number) body.get("total")).longValue(), sum);
        // The prefecture opens one of its counties read-only: that county's dashboard, the county's own numbers.
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2023-10-09").get("/api/v1/counties/" + b + "/dashboard")
                .then().statusCode(200).body("region", equalTo(b)).body("totals.OVERDUE", equalTo(after.get(b).intValue()));
        Api.as(Tokens.supervisor(b)).get("/api/v1/counties/" + b + "/dashboard").then().statusCode(200);
        // Opened years later, the county's trend is still its plans' year (2023), not asOf's (2026), which has nothing
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2026-03-02").get("/api/v1/counties/" + b + "/dashboard")
                .then().statusCode(200).body("trendYear", equalTo(2023))
                .body("monthlyTrend.find { it.month == '2023-09' }.due", equalTo(after.get(b).intValue()))
                .body("monthlyTrend.find { it.month == '2023-12' }.due", equalTo(after.get(b).intValue()));
        Api.as(Tokens.viewer(city + "00")).queryParam("asOf", "2026-03-02").queryParam("trendYear", "2026")
                .get("/api/v1/counties/" + b + "/dashboard").then().statusCode(200).body("trendYear", equalTo(2026))
                .body("monthlyTrend.size()", equalTo(0));
        // the county's own dashboard follows the same rule; a plan filter takes that plan's year
        Api.as(Tokens.supervisor(b)).queryParam("asOf", "2026-03-02").get("/api/v1/regions/" + b + "/dashboard")
                .then().statusCode(200).body("trendYear", equalTo(2023))
                .body("monthlyTrend.find { it.month == '2023-09' }.due", equalTo(after.get(b).intValue()));
        Api.as(Tokens.supervisor(b)).queryParam("asOf", "2026-03-02").queryParam("planId", pb.id())
                .get("/api/v1/regions/" + b + "/dashboard").then().statusCode(200).body("trendYear", equalTo(2023))
                .body("monthlyTrend.find { it.month == '2023-09' }.due", equalTo(1));
        Api.as(Tokens.supervisor(b)).queryParam("trendYear", "x").get("/api/v1/regions/" + b + "/dashboard")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("trendYear"));
        for (String bad : new String[] {"abc", "1999"}) {
            Api.as(Tokens.viewer(city + "00")).queryParam("trendYear", bad).get("/api/v1/counties/" + b + "/dashboard")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("trendYear"));
        }
        // A county token sees only itself, by default and when asking for it.
        Api.as(Tokens.supervisor(b)).queryParam("asOf", "2023-10-09").get(PATH).then().statusCode(200)
                .body("regionPrefix", equalTo(b)).body("regions.region", equalTo(List.of(b)))
                .body("regions[0].oldestDueOn", equalTo("2023-09-15"));
    }

    @Test
    void aTokenCannotLookOutsideItsCode() {
        Api.as(Tokens.supervisor("370323")).queryParam("regionPrefix", "37").get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(Tokens.viewer("370000")).queryParam("regionPrefix", "44").get(PATH).then().statusCode(403);
        Api.as(Tokens.unit("370323", "u-1")).get(PATH).then().statusCode(403);
        // a region claim that is not a 6-digit code covers nothing, except the system tokens' "*"
        for (String claim : new String[] {"*", "37", "3"}) {
            Api.as(Tokens.supervisor(claim)).get(PATH).then().statusCode(403);
            Api.as(Tokens.viewer(claim)).queryParam("regionPrefix", "37").get(PATH).then().statusCode(403);
        }
        Api.as(Tokens.viewer("370000")).queryParam("regionPrefix", "3x").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("regionPrefix"));
        Api.as(Tokens.viewer("370000")).queryParam("asOf", "2023-13-01").get(PATH).then().statusCode(400);
        io.restassured.RestAssured.given().get(PATH).then().statusCode(401);
        // a county outside the caller's code, another county for a county token, a unit, a code that names nothing
        Api.as(Tokens.viewer("370300")).get("/api/v1/counties/370124/dashboard").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(Tokens.supervisor("370323")).get("/api/v1/counties/370322/dashboard").then().statusCode(403);
        Api.as(Tokens.unit("370323", "u-1")).get("/api/v1/counties/370323/dashboard").then().statusCode(403);
        Api.as(Tokens.viewer("370000")).get("/api/v1/counties/3703x3/dashboard").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/v1/counties/370323/dashboard").then().statusCode(401);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> counts(String token, String prefix, String asOf) {
        List<Map<String, Object>> regions = Api.as(token).queryParam("regionPrefix", prefix).queryParam("asOf", asOf)
                .get(PATH).then().statusCode(200).extract().path("regions");
        Map<String, Long> out = new HashMap<>();
        regions.forEach(r -> out.put((String) r.get("region"), ((Number) r.get("overdue")).longValue()));
        return out;
    }
}
