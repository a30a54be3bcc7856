package io.duban.report;

import org.junit.jupiter.params.provider.CsvSource;
import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
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
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a black-box probe of report-service tried: unbounded values, odd bodies, races, odd headers, stale tokens. */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class RequestHardeningTest {

    String region;
    String base;

    @BeforeEach
    void unitInProjection() {
        region = Regions.fresh();
        base = "/api/v1/regions/" + region;
        Snapshots.PlanBuilder p = plan(region);
        Snapshots.TaskBuilder t = task(p).seq(1).deadline("2023年12月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        FeedScript.publish(p.item(), t.item(), assignment(t, "u-x", "县商务局", "LEAD").item());
        Api.sync().statusCode(200);
    }

    private int recordFinding(Map<String, Object> body) {
        return Api.as(Tokens.supervisor(region)).contentType("application/json").body(body).post(base + "/findings")
                .then().extract().statusCode();
    }

    private static Map<String, Object> finding(String foundOn, String description, String voids) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("unitId", "u-x", "foundOn", foundOn,
                "source", "DAILY_CHECK", "description", description, "points", 1));
        if (voids != null) {
            m.put("voids", voids);
        }
        return m;
    }

    private static List<Integer> race(int n, Supplier<Integer> call) throws Exception {
        return io.duban.testing.Race.run(n, call);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999-12-31", "+10000-01-01", "1999-12-31", "-0001-01-01"})
    void aFindingDatedOutsideItsCenturyIs400(String foundOn) {
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(finding(foundOn, "公开不及时", null))
                .post(base + "/findings").then().statusCode(400).body("errors.field", hasItem("foundOn"));
    }

    @Test
    void nulInAFindingsDescriptionIs400NamingTheField() {
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body("{\"unitId\":\"u-x\",\"foundOn\":\"2023-10-09\",\"source\":\"DAILY_CHECK\",\"description\":\"公开\\u0000不及时\",\"points\":1}")
                .post(base + "/findings").then().statusCode(400).body("errors.field", hasItem("description"));
    }

    @Test
    void twentyConcurrentCorrectionsOfOneFindingRecordOneAndAnswerTheRest409() throws Exception {
        String first = Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(finding("2023-10-09", "公开不及时", null)).post(base + "/findings").then().statusCode(201)
                .extract().path("id");
        List<Integer> codes = race(20, () -> recordFinding(finding("2023-10-09", "更正", first)));
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(19, codes.stream().filter(c -> c == 409).count(), codes.toString());
    }

    @Test
    void concurrentFirstProfilesSetOneAndAnswerTheRest409() throws Exception {
        List<Integer> codes = race(10, () -> Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县政务公开办"))
                .put(base + "/profile").then().extract().statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        // the losers of the insert race are told 409; those who come after the winner committed must send If-Match (428)
        assertEquals(9, codes.stream().filter(c -> c == 409 || c == 428).count(), codes.toString());
    }

    @Test
    void unboundedBulletinAndProfileValuesAre400() {
        for (String body : new String[] {"{\"year\":2023,\"quarter\":1.555}", "{\"year\":2023,\"quarter\":3,\"asOf\":\"+10000-01-01\"}",
                "{\"year\":2023,\"quarter\":3,\"quarter\":4}", "{\"year\":2023,\"quarter\":\"3\"}"}) {
            Api.as(Tokens.supervisor(region)).contentType("application/json").body(body).post(base + "/bulletins")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body("{\"name\":true,\"issuer\":\"沂源县人民政府办公室\",\"bulletinOffice\":\"县政务公开办\"}")
                .put(base + "/profile").then().statusCode(400).body("errors.field", hasItem("name"));
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"base\":1e308,\"overdueOpenPenalty\":2,\"doneLatePenalty\":1,"
                        + "\"roleWeights\":{\"LEAD\":1,\"RESPONSIBLE\":1,\"CO\":0},\"inspectionBase\":100,\"inspectionWeight\":0.5}")
                .put(base + "/assessment-scheme/2023").then().statusCode(400).body("errors.field", hasItem("base"));
    }

    @Test
    void locationIsAPathNotTheRequestsHost() {
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县政务公开办"))
                .put(base + "/profile").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).header("Host", "evil.example").contentType("application/json")
                .body(Map.of("year", 2023, "quarter", 3)).post(base + "/bulletins")
                .then().statusCode(201).header("Location", startsWith(base + "/bulletins/"));
        Api.as(Tokens.supervisor(region)).header("Host", "evil.example").contentType("application/json")
                .body(finding("2023-10-09", "公开不及时", null)).post(base + "/findings")
                .then().statusCode(201).header("Location", startsWith(base + "/findings"));
    }

    @Test
    void aTokenExpiredTwentySecondsAgoIsRefused() {
        Api.as(Tokens.expired(region, 20)).get(base + "/obligations").then().statusCode(401);
        Api.as(Tokens.supervisor(region)).get(base + "/obligations").then().statusCode(200);
    }

    @Test
    void hugePageIs400() {
        Api.as(Tokens.supervisor(region)).queryParam("page", 1_000_000_000).get(base + "/obligations").then()
                .statusCode(400).body("errors.field", hasItem("page"));
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "+10000-01-01").get(base + "/obligations").then()
                .statusCode(400).body("errors.field", hasItem("asOf"));
    }

    /** A malformed query parameter is a 400 naming it, the same in every service (JAX-RS alone would answer 404). */
    @ParameterizedTest
    @CsvSource({"page,abc", "size,-1", "size,100000", "page,0", "size,1e3"})
    void malformedPagingIs400NamingTheParameter(String name, String value) {
        Api.as(Tokens.supervisor(region)).queryParam(name, value).get(base + "/obligations").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(name));
    }

    @ParameterizedTest
    @CsvSource({"/overdue,page,abc", "/alerts,size,abc", "/bulletins,year,二〇二四"})
    void malformedNumbersInEveryListAre400(String path, String name, String value) {
        Api.as(Tokens.supervisor(region)).queryParam(name, value).get(base + path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(name));
    }

    /** Bodies are checked by Bean Validation as in the other services: a 400 naming every field at fault, nothing stored. */
    @Test
    void bodiesAreValidatedFieldByField() {
        Api.as(Tokens.supervisor(region)).contentType("application/json").body("{}").post(base + "/bulletins")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItems("year", "quarter"));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body("{\"name\":\" \"}").put(base + "/profile")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "issuer", "bulletinOffice"));
        Api.as(Tokens.supervisor(region)).contentType("application/json").put(base + "/profile")
                .then().statusCode(400).contentType("application/problem+json");
        Api.as(Tokens.supervisor(region)).get(base + "/profile").then().statusCode(404);
    }
}
