package io.duban.task.support;

import io.duban.testing.Fixtures;
import io.duban.testing.RestApi;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Builders for the calls most tests need: a plan, an import, the tasks and assignments of a plan. */
public final class Api extends RestApi {

    private Api() {
    }

    /** The Yiyuan 2023 plan (issued 2023-08-09) in a region; returns its id. */
    public static String yiyuanPlan(String region) {
        return supervisor(region).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS"))
                .post(base(region) + "/plans").then().statusCode(201).extract().path("id");
    }

    /** A plan of the given kind (KEY_TASKS or ROUTINE) for the year 2023; returns its id. */
    public static String plan(String region, String kind, String title) {
        return supervisor(region).contentType("application/json")
                .body(Map.of("title", title, "issuedOn", "2023-08-09", "year", 2023, "kind", kind))
                .post(base(region) + "/plans").then().statusCode(201).extract().path("id");
    }

    public static JsonPath importFixture(String region, String planId, String fixture, String contentType) {
        return supervisor(region).contentType(contentType).body(Fixtures.bytes(fixture))
                .post(base(region) + "/plans/" + planId + "/import").then().statusCode(200).extract().jsonPath();
    }

    /** A plan with the Yiyuan TSV imported; returns the plan id. */
    public static String importedYiyuan(String region) {
        String plan = yiyuanPlan(region);
        importFixture(region, plan, Fixtures.KEY_TASKS_TSV, "text/tab-separated-values");
        return plan;
    }

    public static List<Map<String, Object>> tasks(String region, String planId) {
        return supervisor(region).get(base(region) + "/plans/" + planId + "/tasks?size=500")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static Map<String, Object> task(String region, String planId, int seq) {
        return tasks(region, planId).stream().filter(t -> ((Number) t.get("seq")).intValue() == seq).findFirst().orElseThrow();
    }

    public static List<Map<String, Object>> assignmentsOfTask(String region, String taskId) {
        return supervisor(region).get(base(region) + "/assignments?size=500&taskId=" + taskId)
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    public static long count(String region, String path) {
        return supervisor(region).get(base(region) + path).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
