package io.duban.task.assignment;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Fixtures;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code after=} paging of the assignment list: every item once, in order, whatever is inserted meanwhile. */
@QuarkusTest
class AssignmentKeysetPagingTest {

    /** Every id of the list by page number (the reference order). */
    static List<String> byPageNumber(String region, String query) {
        List<String> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonPath p = supervisor(region).get(base(region) + "/assignments?size=100&page=" + page + query)
                    .then().statusCode(200).extract().jsonPath();
            all.addAll(p.getList("items.id"));
            if (all.size() >= p.getLong("total")) {
                return all;
            }
        }
    }

    static JsonPath page(String region, String query) {
        return supervisor(region).get(base(region) + "/assignments?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void walkingWithAfterReturnsEveryItemOnceInOrder() {
        String region = Regions.fresh();
        Api.importedYiyuan(region);
        List<String> reference = byPageNumber(region, "");
        assertTrue(reference.size() > 50, "the fixture yields a long enough list");

        List<String> walked = new ArrayList<>();
        JsonPath p = page(region, "size=9");
        assertEquals(reference.size(), p.getLong("total"), "the first numbered page still counts");
        walked.addAll(p.getList("items.id"));
        String next = p.getString("next");
        while (next != null) {
            p = page(region, "size=9&after=" + next);
            assertNull(p.get("total"), "a keyset page does not count unless asked");
            walked.addAll(p.getList("items.id"));
            next = p.getString("next");
        }
        assertEquals(reference, walked);
    }

    @Test
    void insertsDuringTheWalkNeitherRepeatNorSkipWhatWasThere() {
        String region = Regions.fresh();
        Api.importedYiyuan(region);
        List<String> before = byPageNumber(region, "");

        List<String> walked = new ArrayList<>();
        JsonPath p = page(region, "size=20&total=false");
        walked.addAll(p.getList("items.id"));
        String next = p.getString("next");
        int pages = 0;
        while (next != null) {
            if (pages++ == 2) {
                // a second plan of the same table: every (seq, role, unit) again, sorting before or after the first plan
                String plan = Api.plan(region, "KEY_TASKS", "第二个方案");
                Api.importFixture(region, plan, Fixtures.KEY_TASKS_TSV, "text/tab-separated-values");
            }
            p = page(region, "size=20&after=" + next);
            walked.addAll(p.getList("items.id"));
            next = p.getString("next");
        }
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no item twice");
        assertTrue(walked.containsAll(before), "nothing that was there is skipped");
        List<String> after = byPageNumber(region, "");
        List<String> inOrder = after.stream().filter(new HashSet<>(walked)::contains).toList();
        assertEquals(inOrder, walked, "the walk follows the list's order");
    }

    @Test
    void aUnitsListWalksTheSameWay() {
        String region = Regions.fresh();
        Api.importedYiyuan(region);
        String unit = FakeOrgService.unitId("县教育和体育局").toString();
        List<String> reference = byPageNumber(region, "&unitId=" + unit);
        String token = Tokens.unit(region, unit);
        List<String> walked = new ArrayList<>();
        String next = null;
        do {
            JsonPath p = Api.as(token).get(base(region) + "/assignments?size=4" + (next == null ? "" : "&after=" + next))
                    .then().statusCode(200).extract().jsonPath();
            walked.addAll(p.getList("items.id"));
            next = p.getString("next");
        } while (next != null);
        assertEquals(reference, walked);
    }

    @Test
    void totalOnlyWhenAsked() {
        String region = Regions.fresh();
        Api.importedYiyuan(region);
        String next = page(region, "size=5").getString("next");
        supervisor(region).get(base(region) + "/assignments?size=5&total=true&after=" + next).then().statusCode(200)
                .body("total", notNullValue()).body("page", nullValue()).body("next", notNullValue());
        supervisor(region).get(base(region) + "/assignments?size=5&page=2&total=false").then().statusCode(200)
                .body("total", nullValue()).body("page", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aMalformedOrForeignCursorIsA400() {
        String region = Regions.fresh();
        String other = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        Api.importedYiyuan(other);
        String next = page(region, "size=5").getString("next");
        Set<String> bad = Set.of("nonsense", "k1.AAAA.AA", next + "x", next.substring(0, next.length() - 3));
        for (String cursor : bad) {
            supervisor(region).get(base(region) + "/assignments?after=" + cursor).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
        }
        // the same position in another region's list, or in the same region's list under another filter
        supervisor(other).get(base(other) + "/assignments?after=" + next).then().statusCode(400)
                .contentType("application/problem+json");
        supervisor(region).get(base(region) + "/assignments?planId=" + plan + "&after=" + next).then().statusCode(400);
        supervisor(region).get(base(region) + "/assignments?page=2&after=" + next).then().statusCode(400);
        supervisor(region).get(base(region) + "/assignments?total=maybe").then().statusCode(400);
    }
}
