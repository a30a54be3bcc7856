package io.duban.task.life;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.feed.AcknowledgementSnapshot;
import io.duban.feed.AssignmentSnapshot;
import io.duban.feed.ChangeType;
import io.duban.task.support.FakeOrgService;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AcknowledgementTest {

    @Test
    void aNewAssignmentWaitsForItsUnitToSignForIt() throws Exception {
        Life life = new Life();
        String id = life.eduAssignment();
        String ack = life.path("/assignments/" + id + "/acknowledgement");
        life.supervisor().get(life.path("/assignments/" + id)).then().statusCode(200)
                .body("status", equalTo("PENDING_ACK")).body("createdOn", notNullValue()).body("acknowledgedOn", nullValue());
        life.unit(Life.EDU).post(ack).then().statusCode(428);
        life.unit(Life.HEALTH).header("If-Match", Life.etag(1)).post(ack).then().statusCode(404);
        life.unit(Life.EDU).header("If-Match", Life.etag(7)).post(ack).then().statusCode(412);
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).header("Idempotency-Key", "ack-1").post(ack).then().statusCode(200)
                .header("ETag", Life.etag(2)).body("assignment.status", equalTo("NOT_STARTED"))
                .body("acknowledgement.via", equalTo("ACKNOWLEDGEMENT"));
        // a retry with the key is the same answer; signing again is a conflict, not a second fact
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).header("Idempotency-Key", "ack-1").post(ack).then().statusCode(200)
                .header("ETag", Life.etag(2));
        life.unit(Life.EDU).header("If-Match", Life.etag(2)).post(ack).then().statusCode(409)
                .contentType("application/problem+json").body("assignmentStatus", equalTo("NOT_STARTED"));

        var acks = life.feed(ChangeType.ACKNOWLEDGEMENT);
        assertEquals(1, acks.size());
        AcknowledgementSnapshot a = (AcknowledgementSnapshot) acks.get(0);
        assertEquals(FakeOrgService.unitId(Life.EDU).toString(), a.unitId());
        AssignmentSnapshot last = (AssignmentSnapshot) life.feed(ChangeType.ASSIGNMENT).stream()
                .filter(s -> s.id().toString().equals(id)).reduce((x, y) -> y).orElseThrow();
        assertEquals("NOT_STARTED", last.status());
        assertEquals(a.acknowledgedOn(), last.acknowledgedOn());
    }

    @Test
    void aProgressReportAlsoSignsForTheAssignment() throws Exception {
        Life life = new Life();
        String id = life.eduAssignment();
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).body(Map.of("status", "IN_PROGRESS", "note", "已部署"))
                .post(life.path("/assignments/" + id + "/reports")).then().statusCode(201);
        life.supervisor().get(life.path("/assignments/" + id)).then().body("status", equalTo("IN_PROGRESS"))
                .body("acknowledgedOn", notNullValue());
        var acks = life.feed(ChangeType.ACKNOWLEDGEMENT);
        assertEquals(1, acks.size());
        assertEquals("REPORT", ((AcknowledgementSnapshot) acks.get(0)).via());
        // a second report signs nothing again
        life.unit(Life.EDU).header("If-Match", Life.etag(2)).body(Map.of("status", "IN_PROGRESS", "note", "推进中"))
                .post(life.path("/assignments/" + id + "/reports")).then().statusCode(201);
        assertEquals(1, life.feed(ChangeType.ACKNOWLEDGEMENT).size());
        // a unit cannot report the states the assignment's life puts it in
        life.unit(Life.EDU).header("If-Match", Life.etag(3)).body(Map.of("status", "PENDING_REVIEW"))
                .post(life.path("/assignments/" + id + "/reports")).then().statusCode(400);
    }
}
