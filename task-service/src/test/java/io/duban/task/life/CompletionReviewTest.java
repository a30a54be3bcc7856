package io.duban.task.life;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.feed.ChangeType;
import io.duban.feed.RegionSettingsSnapshot;
import io.duban.feed.ReportSnapshot;
import io.duban.feed.ReviewSnapshot;
import io.duban.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CompletionReviewTest {

    @TestHTTPResource("/")
    URI root;

    static Map<String, Object> done(String day) {
        return Map.of("status", "DONE", "note", "目录已修订并公开", "completedOn", day);
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    static void requireReview(Life life) {
        life.supervisor().header("If-Match", Life.etag(0)).body(Map.of("ackWorkingDays", 3, "completionReview", "REQUIRED"))
                .put(life.path("/settings")).then().statusCode(200).header("ETag", Life.etag(1));
    }

    @Test
    void settingsAreVersionedAndValidated() throws Exception {
        Life life = new Life();
        life.supervisor().get(life.path("/settings")).then().statusCode(200).header("ETag", Life.etag(0))
                .body("completionReview", equalTo("OFF")).body("ackWorkingDays", equalTo(3));
        Map<String, Object> body = Map.of("ackWorkingDays", 5, "completionReview", "REQUIRED");
        life.supervisor().body(body).put(life.path("/settings")).then().statusCode(428);
        life.supervisor().header("If-Match", Life.etag(0)).body(Map.of("ackWorkingDays", 0, "completionReview", "SOMETIMES"))
                .put(life.path("/settings")).then().statusCode(400).contentType("application/problem+json");
        life.unit(Life.EDU).header("If-Match", Life.etag(0)).body(body).put(life.path("/settings")).then().statusCode(403);
        life.supervisor().header("If-Match", Life.etag(0)).body(body).put(life.path("/settings")).then().statusCode(200)
                .header("ETag", Life.etag(1));
        life.supervisor().header("If-Match", Life.etag(0)).body(body).put(life.path("/settings")).then().statusCode(412);
        life.supervisor().header("If-Match", Life.etag(1)).body(Map.of("ackWorkingDays", 2, "completionReview", "OFF"))
                .put(life.path("/settings")).then().statusCode(200).header("ETag", Life.etag(2)).body("ackWorkingDays", equalTo(2));
        var feed = life.feed(ChangeType.REGION_SETTINGS);
        assertEquals(2, feed.size());
        assertEquals("OFF", ((RegionSettingsSnapshot) feed.get(1)).completionReview());
    }

    @Test
    void aReturnedCompletionIsReportedAgainAndAcceptedOnTheSecondTry() throws Exception {
        Life life = new Life();
        requireReview(life);
        String id = life.eduAssignment();
        String reports = life.path("/assignments/" + id + "/reports");
        String reviews = life.path("/assignments/" + id + "/reviews");
        // not waiting for review yet
        life.supervisor().header("If-Match", Life.etag(1)).body(Map.of("decision", "ACCEPT")).post(reviews).then().statusCode(409);
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).body(done(today())).post(reports).then().statusCode(201)
                .header("ETag", Life.etag(2));
        life.supervisor().get(life.path("/assignments/" + id)).then().body("status", equalTo("PENDING_REVIEW"));
        life.supervisor().get(life.path("/reviews/pending")).then().statusCode(200).body("assignmentId", hasItem(id));
        life.unit(Life.EDU).get(life.path("/reviews/pending")).then().statusCode(403);
        // a unit cannot review; a RETURN says why
        life.unit(Life.EDU).header("If-Match", Life.etag(2)).body(Map.of("decision", "ACCEPT")).post(reviews).then().statusCode(403);
        life.supervisor().header("If-Match", Life.etag(2)).body(Map.of("decision", "RETURN")).post(reviews).then().statusCode(400)
                .body("errors.field", hasItem("comment"));
        life.supervisor().header("If-Match", Life.etag(2)).body(Map.of("decision", "MAYBE")).post(reviews).then().statusCode(400);
        life.supervisor().body(Map.of("decision", "ACCEPT")).post(reviews).then().statusCode(428);
        life.supervisor().header("If-Match", Life.etag(2)).body(Map.of("decision", "RETURN", "comment", "佐证材料不全"))
                .post(reviews).then().statusCode(201).header("ETag", Life.etag(3)).body("assignment.status", equalTo("IN_PROGRESS"))
                .body("review.decision", equalTo("RETURN"));
        life.supervisor().get(life.path("/reviews/pending")).then().body("assignmentId", not(hasItem(id)));
        // returned: reviewing again is a conflict; the unit sees the reason and reports again
        life.supervisor().header("If-Match", Life.etag(3)).body(Map.of("decision", "ACCEPT")).post(reviews).then().statusCode(409);
        life.unit(Life.EDU).get(reviews).then().statusCode(200).body("[0].comment", equalTo("佐证材料不全"));
        life.unit(Life.HEALTH).get(reviews).then().statusCode(404);
        life.unit(Life.EDU).header("If-Match", Life.etag(3)).body(done(today())).post(reports).then().statusCode(201);
        life.supervisor().get(life.path("/reviews/pending")).then().body("find { it.assignmentId == '" + id + "' }.returns", equalTo(1));

        // two supervisors accept at once with the same If-Match: one wins, the other is told it is stale
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(root.resolve(reviews))
                    .header("Authorization", "Bearer " + Tokens.supervisor(life.region)).header("Content-Type", "application/json")
                    .header("If-Match", Life.etag(4)).POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"ACCEPT\"}")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var c : calls) {
            statuses.add(c.get().statusCode());
        }
        statuses.sort(null);
        assertEquals(List.of(201, 412), statuses);
        life.supervisor().get(life.path("/assignments/" + id)).then().body("status", equalTo("DONE")).header("ETag", Life.etag(5));

        List<ReviewSnapshot> decisions = life.feed(ChangeType.REVIEW).stream().map(ReviewSnapshot.class::cast).toList();
        assertEquals(List.of("RETURN", "ACCEPT"), decisions.stream().map(ReviewSnapshot::decision).toList());
        List<ReportSnapshot> done = life.feed(ChangeType.REPORT).stream().map(ReportSnapshot.class::cast).toList();
        assertEquals(2, done.size());
        assertTrue(done.stream().allMatch(ReportSnapshot::reviewRequired));
        assertEquals(done.get(1).id(), decisions.get(1).reportId(), "the second completion is the accepted one");
    }

    @Test
    void withoutReviewADoneReportCompletesAtOnce() throws Exception {
        Life life = new Life();
        String id = life.eduAssignment();
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).body(done(today())).post(life.path("/assignments/" + id + "/reports"))
                .then().statusCode(201);
        life.supervisor().get(life.path("/assignments/" + id)).then().body("status", equalTo("DONE"));
        assertFalse(((ReportSnapshot) life.feed(ChangeType.REPORT).get(0)).reviewRequired());
        life.supervisor().header("If-Match", Life.etag(2)).body(Map.of("decision", "ACCEPT"))
                .post(life.path("/assignments/" + id + "/reviews")).then().statusCode(409).contentType("application/problem+json");
    }
}
