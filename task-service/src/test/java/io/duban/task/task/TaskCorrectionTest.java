package io.duban.task.task;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskCorrectionTest {

    @Test
    void correctingTheResponsibilityKeepsProgressOfKeptUnitsAndDeactivatesRemovedOnes() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        String task = (String) Api.task(region, plan, 14).get("id"); // 县民政局、县卫生健康局
        List<Map<String, Object>> before = Api.assignmentsOfTask(region, task);
        assertEquals(2, before.size());
        String civil = (String) before.get(0).get("id");
        String health = (String) before.get(1).get("id");
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(base(region) + "/assignments/" + civil + "/reports").then().statusCode(201);

        supervisor(region).contentType("application/json").body(Map.of("responsibleText", "县民政局、县财政局"))
                .put(base(region) + "/tasks/" + task).then().statusCode(428);
        supervisor(region).header("If-Match", "\"9\"").contentType("application/json").body(Map.of("responsibleText", "县民政局、县财政局"))
                .put(base(region) + "/tasks/" + task).then().statusCode(412);
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json").body(Map.of())
                .put(base(region) + "/tasks/" + task).then().statusCode(400);
        Api.as(Tokens.viewer(region)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("responsibleText", "县民政局、县财政局")).put(base(region) + "/tasks/" + task).then().statusCode(403);

        supervisor(region).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("responsibleText", "县民政局、县财政局", "deadlineText", "2023年11月底前"))
                .put(base(region) + "/tasks/" + task).then().statusCode(200).header("ETag", "\"2\"")
                .body("responsibleText", equalTo("县民政局、县财政局")).body("assignments.size()", equalTo(2))
                .body("deadlineText", equalTo("2023年11月底前"));

        List<Map<String, Object>> after = Api.assignmentsOfTask(region, task);
        assertEquals(List.of("县民政局", "县财政局"), after.stream().map(a -> a.get("unitName")).toList());
        assertEquals(civil, after.get(0).get("id"));
        assertEquals("IN_PROGRESS", after.get(0).get("status"));
        supervisor(region).get(base(region) + "/assignments/" + health).then().statusCode(200)
                .body("active", equalTo(false)).body("version", equalTo(2));
        supervisor(region).header("If-Match", "\"2\"").contentType("application/json").body(Map.of("status", "IN_PROGRESS"))
                .post(base(region) + "/assignments/" + health + "/reports").then().statusCode(409);
        supervisor(region).contentType("application/json")
                .body(Map.of("trigger", "INFO_CHANGED", "occurredOn", "2023-09-25", "title", "某文件"))
                .post(base(region) + "/assignments/" + health + "/events").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void explicitRuleOverridesTheText() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        String task = (String) Api.task(region, plan, 39).get("id");
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("deadline", Map.of("kind", "FIXED", "date", "2023-11-30")))
                .put(base(region) + "/tasks/" + task).then().statusCode(200)
                .body("deadline.kind", equalTo("FIXED")).body("deadline.date", equalTo("2023-11-30"));
        supervisor(region).header("If-Match", "\"2\"").contentType("application/json")
                .body(Map.of("deadline", Map.of("kind", "SOMEDAY")))
                .put(base(region) + "/tasks/" + task).then().statusCode(400);
        for (Object incomplete : List.of(Map.of("kind", "FIXED"), Map.of("kind", "RELATIVE", "trigger", "INFO_CHANGED"),
                Map.of("kind", "RELATIVE", "trigger", "INFO_CHANGED", "period", Map.of("amount", -1, "unit", "DAY")),
                Map.of("kind", "RECURRING", "frequency", "MONTHLY", "interval", 0), Map.of("kind", "UNPARSED", "text", "x"))) {
            supervisor(region).header("If-Match", "\"2\"").contentType("application/json").body(Map.of("deadline", incomplete))
                    .put(base(region) + "/tasks/" + task).then().statusCode(400).contentType("application/problem+json");
        }
        // the typo corrected: the task leaves the review list and gets its unit
        supervisor(region).header("If-Match", "\"2\"").contentType("application/json")
                .body(Map.of("responsibleText", "县行政审批服务局"))
                .put(base(region) + "/tasks/" + task).then().statusCode(200)
                .body("needsReview", equalTo(false)).body("assignments[0].unitName", equalTo("县行政审批服务局"))
                .body("assignments[0].role", equalTo("LEAD"));
    }

    @Test
    void designatedUnitsStandForAnUndesignatedGroup() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        Map<String, Object> t6 = Api.task(region, plan, 6); // 县政府有关部门单位
        String task = (String) t6.get("id");
        assertEquals(true, t6.get("needsReview"));
        String finance = FakeOrgService.unitId("县财政局").toString();
        String commerce = FakeOrgService.unitId("县商务局").toString();
        supervisor(region).contentType("application/json").body(Map.of("unitIds", List.of(finance, commerce)))
                .post(base(region) + "/tasks/" + task + "/designations").then().statusCode(428);
        supervisor(region).header("If-Match", "\"7\"").contentType("application/json").body(Map.of("unitIds", List.of(finance, commerce)))
                .post(base(region) + "/tasks/" + task + "/designations").then().statusCode(412);
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json").body(Map.of("unitIds", List.of(finance, "not-a-uuid")))
                .post(base(region) + "/tasks/" + task + "/designations").then().statusCode(400);
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json").body(Map.of("unitIds", List.of(java.util.UUID.randomUUID().toString())))
                .post(base(region) + "/tasks/" + task + "/designations").then().statusCode(422);
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json").body(Map.of("unitIds", List.of(finance, commerce)))
                .post(base(region) + "/tasks/" + task + "/designations").then().log().ifValidationFails().statusCode(200)
                .body("needsReview", equalTo(false)).body("designated.size()", equalTo(2))
                .body("assignments.role", org.hamcrest.Matchers.everyItem(equalTo("RESPONSIBLE")));
        List<Map<String, Object>> as = Api.assignmentsOfTask(region, task);
        assertEquals(2, as.size());
        String financeAssignment = (String) as.stream().filter(a -> a.get("unitName").equals("县财政局")).findFirst().orElseThrow().get("id");
        // designating again replaces: 县财政局 stays (same assignment), 县商务局 goes
        supervisor(region).header("If-Match", "\"2\"").contentType("application/json").body(Map.of("unitIds", List.of(finance)))
                .post(base(region) + "/tasks/" + task + "/designations").then().statusCode(200);
        List<Map<String, Object>> again = Api.assignmentsOfTask(region, task);
        assertEquals(1, again.size());
        assertEquals(financeAssignment, again.get(0).get("id"));
        assertFalse(Api.supervisor(region).get(base(region) + "/assignments?includeInactive=true&taskId=" + task)
                .then().extract().jsonPath().getList("items.active").stream().allMatch(Boolean.TRUE::equals));
    }

    @Test
    void tasksAndPlansReadAndValidate() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        Api.as(Tokens.viewer(region)).get(base(region) + "/plans/" + plan).then().statusCode(200).body("docNumber", equalTo("源政办字〔2023〕25号"));
        Api.as(Tokens.viewer(region)).get(base(region) + "/plans").then().statusCode(200).body("total", equalTo(1));
        supervisor(region).get(base(region) + "/plans/" + java.util.UUID.randomUUID()).then().statusCode(404);
        supervisor(region).get(base(region) + "/plans/" + plan + "/tasks?size=10&page=5").then().statusCode(200)
                .body("items.seq", equalTo(List.of(41, 42, 43, 44, 45, 46, 47, 48))).body("total", equalTo(48));
        String task = (String) Api.task(region, plan, 1).get("id");
        supervisor(region).get(base(region) + "/tasks/" + task).then().statusCode(200).header("ETag", "\"1\"")
                .body("assignments.unitName", equalTo(List.of("县商务局", "县文化和旅游局")));
        supervisor(region).contentType("application/json").body(Map.of("title", "", "year", 1999, "kind", "KEY_TASKS"))
                .post(base(region) + "/plans").then().statusCode(400).body("errors.size()", equalTo(2));
        supervisor(region).contentType("application/json").body(Map.of("title", "x", "year", 2023, "kind", "OTHER"))
                .post(base(region) + "/plans").then().statusCode(400);
        supervisor(region).contentType("application/json").body(Map.of("title", "x", "year", "soon", "kind", "ROUTINE"))
                .post(base(region) + "/plans").then().statusCode(400);
        supervisor(region).contentType("application/json").body(Map.of("title", "x", "year", 2023, "kind", "ROUTINE", "issuedOn", "2023-02-30"))
                .post(base(region) + "/plans").then().statusCode(400);
        Api.as(Tokens.unit(region, FakeOrgService.unitId("县财政局").toString())).contentType("application/json")
                .body(Map.of("title", "x", "year", 2023, "kind", "ROUTINE")).post(base(region) + "/plans").then().statusCode(403);
    }
}
