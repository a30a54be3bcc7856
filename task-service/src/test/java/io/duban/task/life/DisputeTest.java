package io.duban.task.life;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.feed.ChangeType;
import io.duban.feed.DisputeSnapshot;
import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DisputeTest {

    static final String BIG_DATA = "县大数据中心";

    @Test
    void anUpheldDisputeWithdrawsTheAssignmentAndDesignatesAnotherUnit() throws Exception {
        Life life = new Life();
        String id = life.eduAssignment();
        String raise = life.path("/assignments/" + id + "/disputes");
        life.unit(Life.EDU).body(Map.of("reason", "")).post(raise).then().statusCode(400).body("errors.field", hasItem("reason"));
        life.unit(Life.HEALTH).body(Map.of("reason", "不是我们的")).post(raise).then().statusCode(404);
        String dispute = life.unit(Life.EDU).header("Idempotency-Key", "d-1").body(Map.of("reason", "该项由县大数据中心统筹"))
                .post(raise).then().statusCode(201).header("ETag", Life.etag(1)).body("status", equalTo("OPEN"))
                .extract().path("id");
        life.unit(Life.EDU).header("Idempotency-Key", "d-1").body(Map.of("reason", "该项由县大数据中心统筹"))
                .post(raise).then().statusCode(201).body("id", equalTo(dispute));
        life.unit(Life.EDU).body(Map.of("reason", "再申诉一次")).post(raise).then().statusCode(409)
                .contentType("application/problem+json");
        // while open, the obligation stands: the assignment is still active and reportable
        life.supervisor().get(life.path("/assignments/" + id)).then().body("active", equalTo(true));
        life.supervisor().get(life.path("/disputes?status=OPEN")).then().statusCode(200).body("id", hasItem(dispute));
        life.unit(Life.HEALTH).get(life.path("/disputes")).then().statusCode(200).body("$", hasSize(0));
        life.unit(Life.HEALTH).get(life.path("/disputes/" + dispute)).then().statusCode(404);
        life.supervisor().get(life.path("/disputes?status=SOMETIMES")).then().statusCode(400);

        String decision = life.path("/disputes/" + dispute + "/decision");
        String bigData = FakeOrgService.unitId(BIG_DATA).toString();
        Map<String, Object> uphold = Map.of("decision", "UPHOLD", "comment", "属实", "designateUnitIds", List.of(bigData));
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).body(uphold).post(decision).then().statusCode(403);
        life.supervisor().header("If-Match", Life.etag(1)).body(Map.of("decision", "REJECT")).post(decision).then().statusCode(400)
                .body("errors.field", hasItem("comment"));
        life.supervisor().header("If-Match", Life.etag(1)).body(Map.of("decision", "UPHOLD", "designateUnitIds", List.of("x")))
                .post(decision).then().statusCode(400).body("errors.field", hasItem("designateUnitIds[0]"));
        life.supervisor().header("If-Match", Life.etag(1))
                .body(Map.of("decision", "UPHOLD", "designateUnitIds", List.of("00000000-0000-4000-8000-000000000000")))
                .post(decision).then().statusCode(422);
        life.supervisor().body(uphold).post(decision).then().statusCode(428);
        life.supervisor().header("If-Match", Life.etag(5)).body(uphold).post(decision).then().statusCode(412);
        life.supervisor().header("If-Match", Life.etag(1)).body(uphold).post(decision).then().statusCode(200)
                .body("dispute.status", equalTo("UPHELD")).body("assignments", hasSize(2));
        life.supervisor().header("If-Match", Life.etag(2)).body(Map.of("decision", "REJECT", "comment", "再看看"))
                .post(decision).then().statusCode(409);

        life.supervisor().get(life.path("/assignments/" + id)).then().body("active", equalTo(false));
        String task = (String) Api.task(life.region, life.plan, 36).get("id");
        Map<String, Object> designated = Api.assignmentsOfTask(life.region, task).stream()
                .filter(a -> BIG_DATA.equals(a.get("unitName"))).findFirst().orElseThrow();
        assertEquals("LEAD", designated.get("role"));
        assertEquals("PENDING_ACK", designated.get("status"));
        // a withdrawn assignment takes no more reports
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).body(Map.of("status", "IN_PROGRESS"))
                .post(life.path("/assignments/" + id + "/reports")).then().statusCode(409);

        List<DisputeSnapshot> feed = life.feed(ChangeType.DISPUTE).stream().map(DisputeSnapshot.class::cast).toList();
        assertEquals(List.of("OPEN", "UPHELD"), feed.stream().map(DisputeSnapshot::status).toList());
        assertEquals(List.of(bigData), feed.get(1).designatedUnitIds());
        // a later correction re-reads the 责任单位 text, which names education alone: the decision outlives it
        Object version = Api.task(life.region, life.plan, 36).get("version");
        life.supervisor().header("If-Match", "\"" + version + "\"").body(Map.of("responsibleText", Life.EDU))
                .put(life.path("/tasks/" + task)).then().statusCode(200);
        life.supervisor().get(life.path("/assignments/" + id)).then().body("active", equalTo(false));
        assertEquals(List.of("LEAD"), Api.assignmentsOfTask(life.region, task).stream()
                .filter(a -> BIG_DATA.equals(a.get("unitName"))).map(a -> a.get("role")).toList());
    }

    @Test
    void aRejectedDisputeKeepsTheAssignmentAndTellsTheUnitWhy() {
        Life life = new Life();
        String id = life.eduAssignment();
        String dispute = life.unit(Life.EDU).body(Map.of("reason", "不是本单位职责")).post(life.path("/assignments/" + id + "/disputes"))
                .then().statusCode(201).extract().path("id");
        life.supervisor().header("If-Match", Life.etag(1)).body(Map.of("decision", "REJECT", "comment", "按方案由教体局牵头"))
                .post(life.path("/disputes/" + dispute + "/decision")).then().statusCode(200).body("assignments", hasSize(0));
        life.unit(Life.EDU).get(life.path("/disputes/" + dispute)).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("comment", equalTo("按方案由教体局牵头"));
        life.supervisor().get(life.path("/assignments/" + id)).then().body("active", equalTo(true));
        // decided: a new dispute may be raised again
        life.unit(Life.EDU).body(Map.of("reason", "补充材料后再次申诉")).post(life.path("/assignments/" + id + "/disputes"))
                .then().statusCode(201);
    }
}
