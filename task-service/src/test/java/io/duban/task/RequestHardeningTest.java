package io.duban.task;

import org.junit.jupiter.params.provider.CsvSource;
import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.task.support.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a black-box probe of task-service tried: odd bodies, odd headers, stale tokens. */
@QuarkusTest
class RequestHardeningTest {

    final String region = Regions.fresh();

    private static String plan(String issuedOn) {
        return "{\"title\":\"方案\",\"issuedOn\":" + issuedOn + ",\"year\":2024,\"kind\":\"KEY_TASKS\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+10000-01-01\"", "\"-0001-01-01\"", "\"9999-12-31\"", "\"1999-12-31\"", "123", "[]",
            "[2024,1,1]", "\"2022-12-31\"", "\"2026-01-01\""})
    void planIssuedOnOutsideItsCenturyOrFarFromItsYearIs400(String issuedOn) {
        supervisor(region).contentType("application/json").body(plan(issuedOn)).post(base(region) + "/plans")
                .then().statusCode(400).contentType("application/problem+json");
        Api.supervisor(region).get(base(region) + "/plans").then().statusCode(200).body("total", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2023-10-09\"", "\"2024-06-30\"", "\"2025-01-15\"", "null"})
    void planIssuedOnNearItsYearOrAbsentIsAccepted(String issuedOn) {
        supervisor(region).contentType("application/json").body(plan(issuedOn)).post(base(region) + "/plans")
                .then().statusCode(201);
    }

    @Test
    void duplicateKeysAndTrailingTokensAre400() {
        supervisor(region).contentType("application/json")
                .body("{\"title\":\"a\",\"title\":\"b\",\"year\":2024,\"kind\":\"KEY_TASKS\"}").post(base(region) + "/plans")
                .then().statusCode(400).contentType("application/problem+json");
        supervisor(region).contentType("application/json")
                .body("{\"title\":\"a\",\"year\":2024,\"kind\":\"KEY_TASKS\"}]").post(base(region) + "/plans")
                .then().statusCode(400).contentType("application/problem+json");
        supervisor(region).contentType("application/json")
                .body("{\"title\":\"a\",\"year\":2024.7,\"kind\":\"KEY_TASKS\"}").post(base(region) + "/plans")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void nulInAStringFieldIs400NamingTheField() {
        supervisor(region).contentType("application/json")
                .body("{\"title\":\"方案\\u0000\",\"year\":2024,\"kind\":\"KEY_TASKS\"}").post(base(region) + "/plans")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("title"));
    }

    @Test
    void locationIsAPathNotTheRequestsHost() {
        supervisor(region).header("Host", "evil.example").contentType("application/json").body(plan("\"2024-01-05\""))
                .post(base(region) + "/plans")
                .then().statusCode(201).header("Location", startsWith(base(region) + "/plans/"));
    }

    @Test
    void aTokenExpiredTwentySecondsAgoIsRefused() {
        Api.as(Tokens.expired(region, 20)).get(base(region) + "/plans").then().statusCode(401);
    }

    @Test
    void controlCharacterInAnImportedTableIs400NamingTheLineAndImportsNothing() {
        String plan = Api.yiyuanPlan(region);
        for (String control : new String[] {"\u0000", "\u0007", "\u001b"}) {
            String tsv = "序号\t工作任务\t责任单位\t完成时限\n1\t加强主动" + control + "公开\t县财政局\t2023年12月底前\n";
            supervisor(region).contentType("text/tab-separated-values; charset=UTF-8")
                    .body(tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post(base(region) + "/plans/" + plan + "/import")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        String tsv = "序号\t工作任务\t责任单位\t完成时限\n1\t加强主动\u0007公开\t县财政局\t2023年12月底前\n";
        supervisor(region).contentType("text/tab-separated-values; charset=UTF-8")
                .body(tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post(base(region) + "/plans/" + plan + "/import")
                .then().statusCode(400).body("errors[0].field", equalTo("line 2")).body("line", equalTo(2));
        assertEquals(0, Api.count(region, "/plans/" + plan + "/tasks"));
    }

    /** A malformed query parameter is a 400 naming it, the same in every service (JAX-RS alone would answer 404). */
    @ParameterizedTest
    @CsvSource({"page,abc", "size,-1", "size,100000", "page,0", "size,1e3"})
    void malformedPagingIs400NamingTheParameter(String name, String value) {
        supervisor(region).queryParam(name, value).get(base(region) + "/plans").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(name));
    }

    @ParameterizedTest
    @CsvSource({"/assignments,size,abc", "/plans/00000000-0000-0000-0000-000000000001/tasks,page,x1", "/disputes,limit,many", "/reviews/pending,limit,1.5"})
    void malformedNumbersInEveryListAre400(String path, String name, String value) {
        supervisor(region).queryParam(name, value).get(base(region) + path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(name));
    }

    @Test
    void malformedFeedLimitIs400() {
        Api.as(Tokens.system("*")).queryParam("limit", "abc").get("/api/v1/changes").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
    }
}
