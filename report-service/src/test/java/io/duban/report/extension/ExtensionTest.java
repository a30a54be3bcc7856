package io.duban.report.extension;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.period.Period;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.Trigger;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Race;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 延期申请 on a plan issued 2023-08-09, "today" fixed at 2023-09-01 (test profile): task 17 (本方案发布之日起20个工作日内)
 * is due 2023-09-06 for 县教育和体育局 (u-a) and 县商务局 (u-b); task 5 (FIXED 2023-08-25) of 县民政局 (u-c) is overdue.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ExtensionTest {

    String region;
    Snapshots.TaskBuilder t17;
    Snapshots.AssignmentBuilder b;

    @BeforeEach
    void publish() {
        region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        t17 = task(p).seq(17).deadline("本方案发布之日起20个工作日内", new DeadlineRule.Relative(Trigger.PLAN_ISSUED, Period.workdays(20)));
        Snapshots.AssignmentBuilder a = assignment(t17, "u-a", "县教育和体育局", "LEAD");
        b = assignment(t17, "u-b", "县商务局", "RESPONSIBLE");
        Snapshots.TaskBuilder t5 = task(p).seq(5).deadline("2023年8月25日前", new DeadlineRule.Fixed(LocalDate.of(2023, 8, 25)));
        Snapshots.AssignmentBuilder c = assignment(t5, "u-c", "县民政局", "LEAD");
        FeedScript.publish(p.item(), t17.item(), a.item(), b.item(), t5.item(), c.item(),
                report(a).with("reportedAt", "2023-08-20T10:00:00+08:00").item());
        Api.sync().statusCode(200);
    }

    @Test
    void aUnitAsksTheSupervisorApprovesAnEarlierDateAndTheObligationCountsOnTimeByIt() {
        String id = obligation("u-b");
        ValidatableResponse asked = ask("u-b", id, "2023-09-20", null).statusCode(201)
                .header("ETag", equalTo("\"1\"")).header("Location", containsString("/extension-requests/"))
                .body("status", equalTo("PENDING")).body("dueOn", equalTo("2023-09-06"))
                .body("requestedDueOn", equalTo("2023-09-20")).body("unitName", equalTo("县商务局"));
        String request = asked.extract().path("id");
        decide(request, "\"1\"", Map.of("decision", "APPROVE", "approvedDueOn", "2023-09-15", "comment", "同意延至9月15日"))
                .statusCode(200).body("status", equalTo("APPROVED")).body("approvedDueOn", equalTo("2023-09-15"))
                .body("decidedBy", notNullValue()).body("comment", equalTo("同意延至9月15日")).header("ETag", equalTo("\"2\""));

        Api.obligations(region, "2023-09-08", "unitId", "u-b").statusCode(200)
                .body("items[0].dueOn", equalTo("2023-09-15")).body("items[0].originalDueOn", equalTo("2023-09-06"))
                .body("items[0].status", equalTo("OPEN"));
        Api.as(Tokens.unit(region, "u-b")).get(base() + "/obligations/" + id + "/extensions").then().statusCode(200)
                .body("dueOn", equalTo("2023-09-15")).body("originalDueOn", equalTo("2023-09-06"))
                .body("extensions", hasSize(1)).body("extensions[0].requestId", equalTo(request))
                .body("extensions[0].previousDueOn", equalTo("2023-09-06"));

        FeedScript.publish(report(b).done("2023-09-12").item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-09-30", "unitId", "u-b").statusCode(200).body("items[0].status", equalTo("DONE_ON_TIME"));

        // 考核: done by the extended date counts on time by default; a LATE scheme charges the done-late penalty
        String year = base() + "/assessments/2023";
        Api.as(Tokens.supervisor(region)).get(year).then().statusCode(200)
                .body("units.find { it.unitId == 'u-b' }.task.onTime", equalTo(1))
                .body("units.find { it.unitId == 'u-b' }.task.extended", equalTo(1))
                .body("units.find { it.unitId == 'u-b' }.task.deduction", equalTo(0.0f));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("base", 100, "overdueOpenPenalty", 2,
                        "doneLatePenalty", 1, "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", 0), "inspectionBase", 100,
                        "inspectionWeight", 0.5, "extendedCompletion", Map.of("mode", "PARTIAL", "weight", 0.25)))
                .put(base() + "/assessment-scheme/2023").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).get(year).then().statusCode(200)
                .body("units.find { it.unitId == 'u-b' }.task.deduction", equalTo(0.75f));
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"1\"").body(Map.of("base", 100,
                        "overdueOpenPenalty", 2, "doneLatePenalty", 1, "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", 0),
                        "inspectionBase", 100, "inspectionWeight", 0.5, "extendedCompletion", Map.of("mode", "SOMETIMES")))
                .put(base() + "/assessment-scheme/2023").then().statusCode(400)
                .body("errors[0].field", equalTo("extendedCompletion.mode"));

        // 通报: the quarter's extensions per unit ("today" is 2023-09-01 in tests)
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("name", "测试县", "issuer", "测试县人民政府办公室", "bulletinOffice", "测试县大数据中心"))
                .put(base() + "/profile").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post(base() + "/bulletins").then().statusCode(201)
                .body("content.supervision.extensions.unitName", contains("县商务局"))
                .body("content.supervision.extensions[0].items[0].dueOn", equalTo("2023-09-15"))
                .body("content.supervision.extensions[0].items[0].taskSeq", equalTo(17))
                .body("content.supervision.extensions[0].items[0].requested", equalTo(true));

        // maxExtensions defaults to 1
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("dueOn", "2023-09-30", "reason", "再延"))
                .post(base() + "/obligations/" + id + "/extensions").then().statusCode(422);
    }

    @Test
    void aRejectedRequestLeavesTheDueDateAndIsDecidedOnce() {
        String id = obligation("u-a");
        String request = ask("u-a", id, "2023-09-30", null).statusCode(201).extract().path("id");
        ask("u-a", id, "2023-09-29", null).statusCode(409).body("requestId", equalTo(request));
        decide(request, "\"1\"", Map.of("decision", "REJECT", "comment", "理由不充分")).statusCode(200)
                .body("status", equalTo("REJECTED")).body("approvedDueOn", equalTo(null));
        decide(request, "\"2\"", Map.of("decision", "APPROVE", "comment", "改为同意")).statusCode(409);
        Api.obligations(region, "2023-09-01", "unitId", "u-a").statusCode(200).body("items[0].dueOn", equalTo("2023-09-06"));

        Api.as(Tokens.supervisor(region)).queryParam("status", "REJECTED").get(base() + "/extension-requests").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(request));
        Api.as(Tokens.unit(region, "u-b")).get(base() + "/extension-requests").then().statusCode(200).body("total", equalTo(0));
        Api.as(Tokens.unit(region, "u-b")).get(base() + "/extension-requests/" + request).then().statusCode(404);
        Api.as(Tokens.supervisor(region)).queryParam("status", "MAYBE").get(base() + "/extension-requests").then().statusCode(400);
    }

    @Test
    void badRequestsChangeNothing() {
        String bId = obligation("u-b");
        String cId = obligation("u-c");
        ask("u-a", bId, "2023-09-20", null).statusCode(404);
        ask("u-b", bId, "2023-09-01", null).statusCode(422).body("detail", containsString("应晚于当前到期日"));
        ask("u-c", cId, "2023-09-20", null).statusCode(422).body("detail", containsString("已逾期，不能申请延期"));
        ask("u-b", "not-an-id", "2023-09-20", null).statusCode(404);
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json").body(Map.of("reason", "x"))
                .post(base() + "/obligations/" + bId + "/extension-requests").then().statusCode(400)
                .body("errors[0].field", containsString("requestedDueOn"));
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json").body(Map.of("requestedDueOn", "soon", "reason", "x"))
                .post(base() + "/obligations/" + bId + "/extension-requests").then().statusCode(400);

        String request = ask("u-b", bId, "2023-09-20", "key-1").statusCode(201).extract().path("id");
        ask("u-b", bId, "2023-09-20", "key-1").statusCode(201).body("id", equalTo(request));
        ask("u-b", bId, "2023-09-21", "key-1").statusCode(422);
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json")
                .body(Map.of("decision", "APPROVE", "comment", "自己批")).post(base() + "/extension-requests/" + request + "/decision")
                .then().statusCode(403);
        decide(request, null, Map.of("decision", "APPROVE", "comment", "同意")).statusCode(428);
        decide(request, "\"7\"", Map.of("decision", "APPROVE", "comment", "同意")).statusCode(412);
        decide(request, "\"1\"", Map.of("decision", "MAYBE", "comment", "同意")).statusCode(400);
        decide(request, "\"1\"", Map.of("decision", "APPROVE", "approvedDueOn", "2023-09-25", "comment", "同意")).statusCode(422);
        Api.as(Tokens.supervisor(region)).get(base() + "/extension-requests/" + request).then().statusCode(200)
                .body("status", equalTo("PENDING"));
        Api.obligations(region, "2023-09-01", "unitId", "u-b").statusCode(200).body("items[0].dueOn", equalTo("2023-09-06"));

        // the supervisor may still extend an overdue obligation directly
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("Idempotency-Key", "d-1")
                .body(Map.of("dueOn", "2023-09-29", "reason", "政策调整，统一延期")).post(base() + "/obligations/" + cId + "/extensions")
                .then().statusCode(201).body("previousDueOn", equalTo("2023-08-25")).body("dueOn", equalTo("2023-09-29"));
        Api.obligations(region, "2023-09-01", "unitId", "u-c").statusCode(200).body("items[0].status", equalTo("OPEN"));
    }

    @Test
    void twoApprovalsOfOneRequestAtOnceOneWins() throws Exception {
        String id = obligation("u-b");
        String request = ask("u-b", id, "2023-09-20", null).statusCode(201).extract().path("id");
        List<Integer> codes = Race.run(2, () -> decide(request, "\"1\"",
                Map.of("decision", "APPROVE", "comment", "同意")).extract().statusCode());
        assertTrue(codes.contains(200), codes.toString());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertTrue(codes.stream().allMatch(c -> c == 200 || c == 409 || c == 412), codes.toString());
        Api.as(Tokens.supervisor(region)).get(base() + "/obligations/" + id + "/extensions").then().statusCode(200)
                .body("extensions", hasSize(1));
    }

    @Test
    void anExtensionSurvivesACorrectionOfTheTaskAndGoesVisiblyWithTheObligation() {
        String id = obligation("u-b");
        String request = ask("u-b", id, "2023-09-20", null).statusCode(201).extract().path("id");
        decide(request, "\"1\"", Map.of("decision", "APPROVE", "comment", "同意")).statusCode(200);

        // the task's 时限 is corrected to 25 working days: the derived date moves, the extension's date stays
        FeedScript.publish(t17.with("version", 2).deadline("本方案发布之日起25个工作日内",
                new DeadlineRule.Relative(Trigger.PLAN_ISSUED, Period.workdays(25))).item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-09-08", "unitId", "u-b").statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].dueOn", equalTo("2023-09-20"))
                .body("items[0].originalDueOn", equalTo("2023-09-13"));

        double before = dropped();
        FeedScript.publish(b.with("version", 2).inactive().item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-09-08", "unitId", "u-b").statusCode(200).body("total", equalTo(0));
        assertEquals(before + 1, dropped(), 0.001);
    }

    @Test
    void lightsShowWhoIsBehindDueSoonOrOverdue() {
        // as of 08-30: 21 of task 17's 28 days have passed (> 70 %); u-a reported progress on 08-20, u-b did not
        Api.obligations(region, "2023-08-30", "light", "YELLOW").statusCode(200).body("items.unitId", contains("u-b"))
                .body("items[0].light", equalTo("YELLOW"));
        Api.obligations(region, "2023-08-30", "light", "RED").statusCode(200).body("items.unitId", contains("u-c"));
        Api.obligations(region, "2023-08-28").statusCode(200).body("items.findAll { it.unitId == 'u-b' }[0].light", equalTo(null));
        Api.obligations(region, "2023-09-05", "light", "BLUE,RED").statusCode(200)
                .body("items.unitId", containsInAnyOrder("u-c", "u-a", "u-b")).body("items[0].unitId", equalTo("u-c"));
        Api.obligations(region, "2023-09-05", "light", "GREEN").statusCode(400).body("errors[0].field", equalTo("light"));
    }

    private String base() {
        return "/api/v1/regions/" + region;
    }

    private String obligation(String unit) {
        return Api.obligations(region, "2023-09-01", "unitId", unit).statusCode(200).extract().path("items[0].id");
    }

    private ValidatableResponse ask(String unit, String obligationId, String requestedDueOn, String key) {
        var r = Api.as(Tokens.unit(region, unit)).contentType("application/json")
                .body(Map.of("requestedDueOn", requestedDueOn, "reason", "涉及多部门协调，需延期"));
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return r.post(base() + "/obligations/" + obligationId + "/extension-requests").then();
    }

    private ValidatableResponse decide(String request, String ifMatch, Map<String, Object> body) {
        var r = Api.as(Tokens.supervisor(region)).contentType("application/json").body(body);
        if (ifMatch != null) {
            r = r.header("If-Match", ifMatch);
        }
        return r.post(base() + "/extension-requests/" + request + "/decision").then();
    }

    private static double dropped() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("duban_obligations_extensions_dropped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

}
