package io.duban.report.urge;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.alert.AlertDelivery;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.report.support.WebhookReceiver;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 催办 ("today" is 2023-09-01 in tests): 县商务局 (u-b) has task 5 overdue (FIXED 2023-08-25) and task 6 open
 * (2023-12-31); 县教育和体育局 (u-a) has task 5 too.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class UrgeTest {

    @Inject
    AlertDelivery delivery;

    String region;
    WebhookReceiver receiver;

    @BeforeEach
    void publish() throws Exception {
        region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t5 = task(p).seq(5).deadline("2023年8月25日前", new DeadlineRule.Fixed(LocalDate.of(2023, 8, 25)));
        Snapshots.TaskBuilder t6 = task(p).seq(6).deadline("2023年年底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        FeedScript.publish(p.item(), t5.item(), t6.item(), assignment(t5, "u-b", "县商务局", "LEAD").item(),
                assignment(t6, "u-b", "县商务局", "LEAD").item(), assignment(t5, "u-a", "县教育和体育局", "LEAD").item());
        Api.sync().statusCode(200);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void anUrgeGoesOutAtOnceAndTheUnitReadsIt() {
        // no channel yet: 422 naming it
        urge(Map.of("unitId", "u-b"), null).statusCode(422).body("detail", containsString("units.u-b"))
                .body("channel", equalTo("units.u-b"));
        channels();

        String id = urge(Map.of("unitId", "u-b", "message", "请于本周内办结"), "u-1").statusCode(201)
                .body("status", equalTo("UNREAD")).body("items", hasSize(1)).body("items[0].taskSeq", equalTo(5))
                .body("items[0].kind", equalTo("OBLIGATION")).body("sentBy", notNullValue()).body("day", equalTo("2023-09-01"))
                .extract().path("id");
        urge(Map.of("unitId", "u-b", "message", "请于本周内办结"), "u-1").statusCode(201).body("id", equalTo(id));

        // the outbox sends it, with the supervisor's message
        // (other tests' pending alerts may be claimed in the same round; ours is the one this receiver gets)
        assertTrue(delivery.deliverDue().await().atMost(Duration.ofSeconds(30)) >= 1);
        assertEquals(1, receiver.received().size());
        assertTrue(receiver.received().get(0).body().contains("请于本周内办结"), receiver.received().get(0).body());
        assertEquals(id, receiver.received().get(0).header("X-Duban-Alert-Id"));
        Api.as(Tokens.supervisor(region)).queryParam("kind", "URGE").get(base() + "/alerts").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0].status", equalTo("SENT"));

        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-09-01").get(base() + "/dashboard").then().statusCode(200)
                .body("supervision.unreadUrges", equalTo(1));
        Api.as(Tokens.unit(region, "u-a")).post(base() + "/urges/" + id + "/receipt").then().statusCode(404);
        Api.as(Tokens.supervisor(region)).post(base() + "/urges/" + id + "/receipt").then().statusCode(403);
        Api.as(Tokens.unit(region, "u-b")).post(base() + "/urges/" + id + "/receipt").then().statusCode(200)
                .body("status", equalTo("READ")).body("readBy", notNullValue()).body("readAt", notNullValue());
        Api.as(Tokens.unit(region, "u-b")).queryParam("status", "READ").get(base() + "/urges").then().statusCode(200)
                .body("items.id", contains(id));
        Api.as(Tokens.supervisor(region)).queryParam("status", "UNREAD").get(base() + "/urges").then().statusCode(200)
                .body("total", equalTo(0));
        Api.as(Tokens.unit(region, "u-a")).get(base() + "/urges").then().statusCode(200).body("total", equalTo(0));
        Api.as(Tokens.unit(region, "u-a")).queryParam("unitId", "u-b").get(base() + "/urges").then().statusCode(403);
    }

    @Test
    void oneUrgePerUnitPerItemPerWorkingDay() {
        channels();
        String t6 = Api.obligations(region, "2023-09-01", "unitId", "u-b", "status", "OPEN").statusCode(200)
                .extract().path("items[0].id");
        String first = urge(Map.of("unitId", "u-b"), null).statusCode(201).extract().path("id");
        urge(Map.of("unitId", "u-b", "message", "再催"), null).statusCode(409).body("urgeId", equalTo(first));
        // another item of the unit may still be urged today
        urge(Map.of("unitId", "u-b", "obligationIds", List.of(t6)), null).statusCode(201);
        urge(Map.of("unitId", "u-a", "obligationIds", List.of(t6)), null).statusCode(400)
                .body("errors[0].field", equalTo("obligationIds"));
        urge(Map.of("unitId", "u-nobody"), null).statusCode(400);
        urge(Map.of("obligationIds", List.of(t6)), null).statusCode(400);
        Api.as(Tokens.unit(region, "u-b")).contentType("application/json").body(Map.of("unitId", "u-b"))
                .post(base() + "/urges").then().statusCode(403);
        Api.as(Tokens.supervisor(region)).get(base() + "/urges").then().statusCode(200).body("total", equalTo(2));
    }

    private void channels() {
        Map<String, Object> channel = new HashMap<>();
        channel.put("url", receiver.url("/hook"));
        channel.put("format", "GENERIC");
        Api.as(Tokens.supervisor(region)).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("default", channel)).put(base() + "/alert-channels").then().statusCode(200);
    }

    private String base() {
        return "/api/v1/regions/" + region;
    }

    private ValidatableResponse urge(Map<String, Object> body, String key) {
        var r = Api.as(Tokens.supervisor(region)).contentType("application/json").body(body);
        if (key != null) {
            r = r.header("Idempotency-Key", key);
        }
        return r.post(base() + "/urges").then();
    }
}
