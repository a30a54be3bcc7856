package io.duban.task.event;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.task.support.Api;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventResourceTest {

    @Test
    void eventIsAcceptedOnlyForTheTriggerTheRuleWaitsFor() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        assertEquals("DECISION_ISSUED", ((Map<?, ?>) Api.task(region, plan, 30).get("deadline")).get("trigger"));
        String task30 = (String) Api.task(region, plan, 30).get("id");
        String assignment = (String) Api.assignmentsOfTask(region, task30).get(0).get("id");
        String path = base(region) + "/assignments/" + assignment + "/events";
        supervisor(region).contentType("application/json")
                .body(Map.of("trigger", "INFO_CHANGED", "occurredOn", "2023-09-25", "title", "某文件")).post(path)
                .then().statusCode(422).contentType("application/problem+json");
        supervisor(region).contentType("application/json")
                .body(Map.of("trigger", "PLAN_ISSUED", "occurredOn", "2023-09-25", "title", "某文件")).post(path)
                .then().statusCode(422);
        supervisor(region).contentType("application/json")
                .body(Map.of("trigger", "DECISION_ISSUED", "occurredOn", "2999-01-01", "title", "未来")).post(path)
                .then().statusCode(400);
        supervisor(region).contentType("application/json")
                .body(Map.of("trigger", "NO_SUCH", "occurredOn", "2023-09-25", "title", "x")).post(path)
                .then().statusCode(400);
        String eventId = supervisor(region).contentType("application/json").header("Idempotency-Key", "ev-1")
                .body(Map.of("trigger", "DECISION_ISSUED", "occurredOn", "2023-09-25", "occurredAt", "2023-09-25T10:00:00+08:00",
                        "title", "《沂源县重大行政决策》印发"))
                .post(path).then().statusCode(201).body("trigger", equalTo("DECISION_ISSUED"))
                .body("occurredAt", equalTo("2023-09-25T02:00:00Z")).extract().path("id");
        supervisor(region).contentType("application/json").header("Idempotency-Key", "ev-1")
                .body(Map.of("trigger", "DECISION_ISSUED", "occurredOn", "2023-09-25", "occurredAt", "2023-09-25T10:00:00+08:00",
                        "title", "《沂源县重大行政决策》印发"))
                .post(path).then().statusCode(201).body("id", equalTo(eventId));
        supervisor(region).get(path).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(eventId));
        // the Location of a created event is readable, by its unit too, not by another unit
        supervisor(region).get(path + "/" + eventId).then().statusCode(200).body("title", equalTo("《沂源县重大行政决策》印发"));
        supervisor(region).get(path + "/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        String owner = (String) Api.assignmentsOfTask(region, task30).get(0).get("unitId");
        Api.as(io.duban.testing.Tokens.unit(region, owner)).get(path + "/" + eventId).then().statusCode(200);
        Api.as(io.duban.testing.Tokens.unit(region, java.util.UUID.randomUUID().toString())).get(path + "/" + eventId)
                .then().statusCode(404);

        // a report fulfils the event's obligation; an event of another assignment is refused
        String reports = base(region) + "/assignments/" + assignment + "/reports";
        String other = (String) Api.assignmentsOfTask(region, task30).get(1).get("id");
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("status", "DONE", "note", "已公开", "completedOn", "2023-10-10", "eventId", eventId))
                .post(base(region) + "/assignments/" + other + "/reports").then().statusCode(422);
        supervisor(region).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("status", "DONE", "note", "已公开", "completedOn", "2023-10-10", "eventId", eventId))
                .post(reports).then().statusCode(201).body("report.eventId", equalTo(eventId));
    }

    @Test
    void ongoingTaskTakesNoEvents() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        String task19 = (String) Api.task(region, plan, 19).get("id");
        String assignment = (String) Api.assignmentsOfTask(region, task19).get(0).get("id");
        supervisor(region).contentType("application/json")
                .body(Map.of("trigger", "INFO_CHANGED", "occurredOn", "2023-09-25", "title", "x"))
                .post(base(region) + "/assignments/" + assignment + "/events").then().statusCode(422);
    }
}
