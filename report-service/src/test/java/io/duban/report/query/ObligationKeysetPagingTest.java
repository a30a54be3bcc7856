package io.duban.report.query;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Scenario;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code after=} paging of /obligations and /overdue: every row once, in order, with ties and inserts meanwhile. */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ObligationKeysetPagingTest {

    static final String AS_OF = "2024-01-10";

    static JsonPath get(String region, String list, String query) {
        return Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/" + list + "?asOf=" + AS_OF + "&" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> byPageNumber(String region, String list) {
        List<String> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath p = get(region, list, "size=100&page=" + page);
            all.addAll(p.getList("items.id"));
            if (all.size() >= p.getLong("total")) {
                return all;
            }
        }
    }

    static List<String> walk(String region, String list, int size, Runnable afterSecondPage) {
        List<String> walked = new ArrayList<>();
        JsonPath p = get(region, list, "size=" + size + "&total=false");
        walked.addAll(p.getList("items.id"));
        String next = p.getString("next");
        int pages = 1;
        while (next != null) {
            if (pages++ == 2) {
                afterSecondPage.run();
            }
            p = get(region, list, "size=" + size + "&after=" + next);
            assertNull(p.get("total"));
            walked.addAll(p.getList("items.id"));
            next = p.getString("next");
        }
        return walked;
    }

    /** A task whose five assignments are due the same day at the same 序号 under the same unit name: ties up to the id. */
    static void publishTies(String region, int seq) {
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t = task(p).seq(seq).deadline("2023年9月30日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 30)));
        List<Snapshots.Item> items = new ArrayList<>(List.of(p.item(), t.item()));
        for (int i = 0; i < 5; i++) {
            items.add(assignment(t, "u-same-" + seq + "-" + i, "同名单位", "CO").item());
        }
        FeedScript.publish(items);
        Scenario.syncAll();
    }

    @Test
    void walkingEitherListWithAfterReturnsEveryRowOnceInOrder() {
        String region = Regions.fresh();
        Scenario.load(region);
        publishTies(region, 3);
        for (String list : List.of("obligations", "overdue")) {
            List<String> reference = byPageNumber(region, list);
            assertTrue(reference.size() > 4, list + " is long enough to page");
            assertEquals(reference, walk(region, list, 2, () -> { }), list);
        }
    }

    @Test
    void rowsArrivingDuringTheWalkNeitherRepeatNorHideOthers() {
        String region = Regions.fresh();
        Scenario.load(region);
        List<String> before = byPageNumber(region, "obligations");
        List<String> walked = walk(region, "obligations", 5, () -> publishTies(region, 1));
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no row twice");
        assertTrue(walked.containsAll(before), "nothing that was there is skipped");
        List<String> now = byPageNumber(region, "obligations");
        assertEquals(now.stream().filter(new HashSet<>(walked)::contains).toList(), walked, "in the list's order");
    }

    @Test
    void theTotalOnlyWhenAskedAndBadCursorsAre400() {
        String region = Regions.fresh();
        String other = Regions.fresh();
        Scenario.load(region);
        JsonPath first = get(region, "obligations", "size=5");
        assertTrue(first.getLong("total") > 5);
        String next = first.getString("next");
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/obligations?size=5&total=true&after=" + next)
                .then().statusCode(200).body("total", notNullValue()).body("page", nullValue());
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/obligations?after=" + next.substring(3))
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        // a cursor of another list, region or filter
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/overdue?after=" + next).then().statusCode(400)
                .contentType("application/problem+json");
        Api.as(Tokens.supervisor(other)).get("/api/v1/regions/" + other + "/obligations?after=" + next).then().statusCode(400);
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/obligations?status=OVERDUE&after=" + next)
                .then().statusCode(400);
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/obligations?page=2&after=" + next).then().statusCode(400);
    }
}
