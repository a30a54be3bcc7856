package io.duban.report.alert;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deadlines.rule.DeadlineParser;
import io.duban.deadlines.rule.PlanContext;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.report.support.WebhookReceiver;
import io.duban.testing.Fixtures;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alerts end to end against a local webhook receiver, on the 沂源 plan's task 17 (本方案发布之日起
 * 20个工作日内…, plan issued 2023-08-09, due 2023-09-06) owed by three of the county's units, one of
 * which reported it done on 2023-09-04.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class AlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFICE = "u-office";
    static final String FGJ = "u-fgj";
    static final String JTJ = "u-jtj";

    @Inject
    AlertDelivery delivery;

    @Inject
    Pool pool;

    String region;
    WebhookReceiver receiver;
    String requirement17;

    @BeforeEach
    void publishTaskSeventeen() {
        region = Regions.fresh();
        receiver = new WebhookReceiver();
        String[] row = fixtureRow(17);
        requirement17 = row[3];
        List<String> units = fixtureUnits();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t17 = task(p).seq(17).with("requirement", row[3]).with("responsibleText", row[4])
                .deadline(row[5], DeadlineParser.parse(row[5], new PlanContext(2023, LocalDate.of(2023, 8, 9))));
        Snapshots.AssignmentBuilder office = assignment(t17, OFFICE, units.get(0), "RESPONSIBLE");
        Snapshots.AssignmentBuilder fgj = assignment(t17, FGJ, units.get(1), "RESPONSIBLE");
        Snapshots.AssignmentBuilder jtj = assignment(t17, JTJ, units.get(2), "RESPONSIBLE");
        FeedScript.publish(p.item(), t17.item(), office.item(), fgj.item(), jtj.item(), report(jtj).done("2023-09-04").item());
        Api.sync().statusCode(200);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void taskSeventeenIsDueSoonOnTheFifthAndTwoWorkdaysLateOnTheEighth() throws Exception {
        channels(Map.of("default", channel("/default", "GENERIC", "s3cret"), "units", Map.of(FGJ, channel("/fgj", "GENERIC", null))));
        run("2023-09-05").statusCode(200).body("workingDay", equalTo(true)).body("created", equalTo(2))
                .body("skippedExisting", equalTo(0));
        deliverAll();
        WebhookReceiver.Received office = only(receiver.received("/default"));
        JsonNode body = JSON.readTree(office.body());
        assertEquals("DUE_SOON", body.get("kind").asText());
        assertEquals(OFFICE, body.get("unitId").asText());
        assertEquals("县政府办公室", body.get("unitName").asText());
        assertEquals(region, body.get("region").asText());
        assertEquals(1, body.get("items").size());
        assertEquals(17, body.at("/items/0/taskSeq").asInt());
        assertEquals(requirement17, body.at("/items/0/requirement").asText());
        assertEquals("2023-09-06", body.at("/items/0/dueOn").asText());
        assertEquals(1, body.at("/items/0/workdaysLeft").asInt());
        assertEquals(body.get("alertId").asText(), office.header("X-Duban-Alert-Id"));
        String ts = office.header("X-Duban-Timestamp");
        assertEquals("sha256=" + HexFormat.of().formatHex(hmac("s3cret", ts + "." + office.body())),
                office.header("X-Duban-Signature"));
        WebhookReceiver.Received fgj = only(receiver.received("/fgj"));
        assertEquals(FGJ, JSON.readTree(fgj.body()).get("unitId").asText());
        assertEquals(null, fgj.header("X-Duban-Signature"));
        alerts("date", "2023-09-05").body("total", equalTo(2)).body("items.status", everyItem(equalTo("SENT")))
                .body("items.attempts", everyItem(equalTo(1))).body("items.kind", everyItem(equalTo("DUE_SOON")))
                .body("items.unitId", containsInAnyOrder(OFFICE, FGJ));

        run("2023-09-08").statusCode(200).body("created", equalTo(2));
        deliverAll();
        JsonNode late = JSON.readTree(receiver.received("/default").get(1).body());
        assertEquals("OVERDUE", late.get("kind").asText());
        assertEquals(2, late.at("/items/0/workdaysLate").asInt());
        assertTrue(late.get("text").asText().contains("已逾期 2 个工作日"), late.get("text").asText());
        assertEquals(4, receiver.received().size());
    }

    @Test
    void runningADayTwiceCreatesNothingNewAndSendsNothingAgain() {
        channels(Map.of("default", channel("/default", "GENERIC", null)));
        run("2023-09-08").statusCode(200).body("created", equalTo(2)).body("decided", equalTo(2));
        deliverAll();
        run("2023-09-08").statusCode(200).body("created", equalTo(0)).body("skippedExisting", equalTo(2));
        deliverAll();
        assertEquals(2, receiver.received().size());
        alerts().body("total", equalTo(2));
    }

    @Test
    void itemsOverdueMoreThanFiveWorkdaysAreEscalatedToTheSupervisor() throws Exception {
        channels(Map.of("default", channel("/default", "GENERIC", null), "supervisor", channel("/supervisor", "GENERIC", null)));
        run("2023-09-13").statusCode(200).body("created", equalTo(2)); // 5 working days late: not yet
        run("2023-09-14").statusCode(200).body("created", equalTo(4));
        deliverAll();
        List<WebhookReceiver.Received> escalations = receiver.received("/supervisor");
        assertEquals(2, escalations.size());
        JsonNode e = JSON.readTree(escalations.get(0).body());
        assertEquals("ESCALATION", e.get("kind").asText());
        assertEquals(6, e.at("/items/0/workdaysLate").asInt());
        assertTrue(e.get("text").asText().startsWith("### 督办提醒（2023-09-14）"));
        alerts("kind", "ESCALATION").body("total", equalTo(2)).body("items.channel", everyItem(equalTo("supervisor")));
    }

    @Test
    void aReceiverFailingThreeTimesThenSucceedingReceivesExactlyOneDelivery() {
        receiver.failNext("/fgj", 3, 500);
        channels(Map.of("default", channel("/default", "GENERIC", null), "units", Map.of(FGJ, channel("/fgj", "GENERIC", null))));
        double retriedBefore = metric("duban_alerts_retried_total", "GENERIC");
        double sentBefore = metric("duban_alerts_sent_total", "GENERIC");
        run("2023-09-05").statusCode(200).body("created", equalTo(2));
        deliverAll();
        List<WebhookReceiver.Received> got = receiver.received("/fgj");
        assertEquals(List.of(500, 500, 500, 200), got.stream().map(WebhookReceiver.Received::answered).toList());
        assertEquals(1, got.stream().map(r -> r.header("X-Duban-Alert-Id")).distinct().count());
        assertEquals(1, receiver.received("/default").size());
        alerts("unitId", FGJ).body("total", equalTo(1)).body("items[0].status", equalTo("SENT"))
                .body("items[0].attempts", equalTo(4)).body("items[0].lastError", equalTo(null))
                .body("items[0].sentAt", not(equalTo(null)));
        assertEquals(3.0, metric("duban_alerts_retried_total", "GENERIC") - retriedBefore);
        assertEquals(2.0, metric("duban_alerts_sent_total", "GENERIC") - sentBefore);
    }

    @Test
    void aReceiverThatKeepsFailingEndsFailedWithItsLastError() {
        receiver.failNext("/fgj", 100, 503);
        channels(Map.of("default", channel("/default", "GENERIC", null), "units", Map.of(FGJ, channel("/fgj", "GENERIC", null))));
        double failedBefore = metric("duban_alerts_failed_total", "GENERIC");
        run("2023-09-05").statusCode(200);
        deliverAll();
        assertEquals(5, receiver.received("/fgj").size());
        alerts("status", "FAILED").body("total", equalTo(1)).body("items[0].unitId", equalTo(FGJ))
                .body("items[0].attempts", equalTo(5)).body("items[0].lastError", containsString("HTTP 503"))
                .body("items[0].channel", equalTo("unit:" + FGJ));
        alerts("status", "SENT").body("total", equalTo(1));
        assertEquals(1.0, metric("duban_alerts_failed_total", "GENERIC") - failedBefore);
    }

    @Test
    void lastErrorKeepsTheStatusButNotTheReceiversBodyAndOnlySupervisorsSeeIt() {
        receiver.failNext("/fgj", 100, 503);
        channels(Map.of("default", channel("/default", "GENERIC", null), "units", Map.of(FGJ, channel("/fgj", "GENERIC", null))));
        run("2023-09-05").statusCode(200);
        deliverAll();
        alerts("status", "FAILED").body("items[0].lastError", containsString("HTTP 503"))
                .body("items[0].lastError", not(containsString("hunter2")))
                .body("items[0].lastError", not(containsString("scripted")));
        Api.as(Tokens.viewer(region)).queryParam("status", "FAILED").get(path("/alerts")).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].lastError", equalTo(null));
        Api.as(Tokens.unit(region, FGJ)).get(path("/alerts")).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].status", equalTo("FAILED")).body("items[0].lastError", equalTo(null));
    }

    @Test
    void aDeliveryLeftByACrashedWorkerIsSentAfterItsLease() {
        channels(Map.of("default", channel("/default", "GENERIC", null)));
        run("2023-09-05").statusCode(200);
        // As a worker that claimed both and died: attempts counted, lease already run out.
        pool.preparedQuery("UPDATE alert SET attempts = 1, last_attempt_at = now() - interval '2 minutes',"
                + " next_attempt_at = now() - interval '1 minute' WHERE region = $1").execute(Tuple.of(region))
                .await().atMost(Duration.ofSeconds(10));
        deliverAll();
        assertEquals(2, receiver.received("/default").size());
        alerts().body("items.status", everyItem(equalTo("SENT"))).body("items.attempts", everyItem(equalTo(2)));
    }

    @Test
    void aHolidaySendsNothingAndAMakeUpSaturdaySends() {
        channels(Map.of("default", channel("/default", "GENERIC", null)));
        run("2023-10-03").statusCode(200).body("workingDay", equalTo(false)).body("created", equalTo(0))
                .body("decided", equalTo(0));
        deliverAll();
        assertEquals(0, receiver.received().size());
        run("2023-10-07").statusCode(200).body("workingDay", equalTo(true)).body("created", equalTo(4));
        deliverAll();
        assertEquals(4, receiver.received().size());
        alerts("date", "2023-10-07", "kind", "OVERDUE").body("total", equalTo(2));
    }

    @Test
    void twoRunsRacingForADayCreateOneSetOfAlerts() throws Exception {
        channels(Map.of("default", channel("/default", "GENERIC", null)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return run("2023-09-08").statusCode(200).extract().<Integer>path("created");
                }));
            }
            start.countDown();
            assertEquals(2, runs.get(0).get() + runs.get(1).get());
        } finally {
            pool.shutdown();
        }
        deliverAll();
        alerts().body("total", equalTo(2));
        assertEquals(2, receiver.received().size());
    }

    @Test
    void dingTalkAndWeComReceiveTheirRobotsMarkdownMessages() throws Exception {
        channels(Map.of("default", channel("/ding/robot/send?access_token=t0k", "DINGTALK", "SECabc"),
                "units", Map.of(FGJ, channel("/wecom/cgi-bin/webhook/send?key=k3y", "WECOM", null))));
        run("2023-09-05").statusCode(200).body("created", equalTo(2));
        deliverAll();
        WebhookReceiver.Received ding = only(receiver.received("/ding/robot/send"));
        Matcher q = Pattern.compile("access_token=t0k&timestamp=(\\d+)&sign=(.+)").matcher(ding.query());
        assertTrue(q.matches(), ding.query());
        String expected = Base64.getEncoder().encodeToString(hmac("SECabc", q.group(1) + "\n" + "SECabc"));
        assertEquals(expected, java.net.URLDecoder.decode(q.group(2), StandardCharsets.UTF_8));
        JsonNode d = JSON.readTree(ding.body());
        assertEquals(List.of("msgtype", "markdown"), fields(d));
        assertEquals("markdown", d.get("msgtype").asText());
        assertEquals(List.of("title", "text"), fields(d.get("markdown")));
        assertEquals("临期提醒：县政府办公室（2023-09-05）", d.at("/markdown/title").asText());
        assertTrue(d.at("/markdown/text").asText().contains("第17项"), d.toString());
        assertTrue(d.at("/markdown/text").asText().contains("2023-09-06 到期（还剩 1 个工作日）"), d.toString());

        WebhookReceiver.Received wecom = only(receiver.received("/wecom/cgi-bin/webhook/send"));
        assertEquals("key=k3y", wecom.query());
        JsonNode w = JSON.readTree(wecom.body());
        assertEquals(List.of("msgtype", "markdown"), fields(w));
        assertEquals(List.of("content"), fields(w.get("markdown")));
        assertTrue(w.at("/markdown/content").asText().startsWith("### 临期提醒（2023-09-05）\n\n**县发展改革局**"),
                w.toString());
        alerts().body("items.format", containsInAnyOrder("DINGTALK", "WECOM"));
    }

    @Test
    void aRobotRefusingAMessageWith200IsRetried() {
        receiver.refuseNext("/ding/robot/send", 1);
        channels(Map.of("default", channel("/ding/robot/send?access_token=t0k", "DINGTALK", null),
                "units", Map.of(FGJ, channel("/fgj", "GENERIC", null))));
        double retriedBefore = metric("duban_alerts_retried_total", "DINGTALK");
        run("2023-09-05").statusCode(200);
        deliverAll();
        assertEquals(2, receiver.received("/ding/robot/send").size());
        alerts("unitId", OFFICE).body("items[0].status", equalTo("SENT")).body("items[0].attempts", equalTo(2));
        assertEquals(1.0, metric("duban_alerts_retried_total", "DINGTALK") - retriedBefore);
    }

    @Test
    void aRegionWithoutChannelsDecidesButWritesNothing() {
        run("2023-09-05").statusCode(200).body("decided", equalTo(2)).body("created", equalTo(0))
                .body("skippedNoChannel", equalTo(2));
        alerts().body("total", equalTo(0));
    }

    @Test
    void channelsAreValidatedAtConfigurationTimeAndSecretsAreWriteOnly() {
        String sup = Tokens.supervisor(region);
        Api.as(sup).get(path("/alert-channels")).then().statusCode(200).header("ETag", "\"0\"")
                .body("$", not(hasKey("default")));
        Map<String, Object> ok = Map.of("default", channel("/default", "GENERIC", "s3cret"));
        Api.as(sup).contentType("application/json").body(ok).put(path("/alert-channels")).then().statusCode(428);
        for (String bad : List.of("http://169.254.169.254/latest/meta-data", "http://evil.com/hook",
                "http://user:pw@127.0.0.1/hook", "ftp://127.0.0.1/hook", "http://10.0.0.1/hook",
                "https://oapi.dingtalk.com:5432/robot/send", "https://oapi.dingtalk.com:99999/robot/send")) {
            Api.as(sup).contentType("application/json").header("If-Match", "\"0\"")
                    .body(Map.of("default", Map.of("url", bad, "format", "GENERIC")))
                    .put(path("/alert-channels")).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("default.url"));
        }
        Api.as(sup).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("default", Map.of("url", receiver.url("/x"), "format", "SLACK"),
                        "units", Map.of(FGJ, Map.of("url", receiver.url("/w"), "format", "WECOM", "secret", "x"))))
                .put(path("/alert-channels")).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("default.format", "units." + FGJ + ".secret"));
        Api.as(sup).contentType("application/json").header("If-Match", "\"0\"").body(Map.of("supervisor",
                channel("/s", "GENERIC", null))).put(path("/alert-channels")).then().statusCode(400)
                .body("errors[0].field", equalTo("default"));
        Api.as(sup).get(path("/alert-channels")).then().statusCode(200).header("ETag", "\"0\"");

        Api.as(sup).contentType("application/json").header("If-Match", "\"0\"").body(ok).put(path("/alert-channels"))
                .then().statusCode(200).header("ETag", "\"1\"").body("default.secretSet", equalTo(true))
                .body("default", not(hasKey("secret")));
        String read = Api.as(sup).get(path("/alert-channels")).then().statusCode(200)
                .body("default.url", equalTo(receiver.url("/default"))).body("default.format", equalTo("GENERIC"))
                .body("default.secretSet", equalTo(true)).extract().asString();
        assertTrue(!read.contains("s3cret"), read);
        // A PUT that names no secret keeps it; an empty one removes it; a stale version is refused.
        Api.as(sup).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("default", channel("/default", "generic", null))).put(path("/alert-channels"))
                .then().statusCode(200).body("default.secretSet", equalTo(true)).body("default.format", equalTo("GENERIC"));
        Api.as(sup).contentType("application/json").header("If-Match", "\"1\"").body(ok).put(path("/alert-channels"))
                .then().statusCode(412);
        Api.as(sup).contentType("application/json").header("If-Match", "\"2\"")
                .body(Map.of("default", channel("/default", "GENERIC", ""))).put(path("/alert-channels"))
                .then().statusCode(200).body("default.secretSet", equalTo(false));
    }

    @Test
    void onlySupervisorsConfigureAndRunAndUnitsSeeTheirOwnAlerts() {
        channels(Map.of("default", channel("/default", "GENERIC", null)));
        run("2023-09-05").statusCode(200);
        String unit = Tokens.unit(region, OFFICE);
        String viewer = Tokens.viewer(region);
        Api.as(unit).get(path("/alert-channels")).then().statusCode(403);
        Api.as(viewer).get(path("/alert-channels")).then().statusCode(403);
        Api.as(viewer).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("default", channel("/default", "GENERIC", null))).put(path("/alert-channels")).then().statusCode(403);
        Api.as(unit).post(path("/alerts/run")).then().statusCode(403);
        Api.as(viewer).post(path("/alerts/run")).then().statusCode(403);
        Api.as(Tokens.supervisor(Regions.fresh())).post(path("/alerts/run")).then().statusCode(403);
        Api.as(Tokens.supervisor(Regions.fresh())).get(path("/alert-channels")).then().statusCode(403);
        RestAssured.given().get(path("/alerts")).then().statusCode(401);
        Api.as(viewer).get(path("/alerts")).then().statusCode(200).body("total", equalTo(2));
        Api.as(unit).get(path("/alerts")).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].unitId", equalTo(OFFICE));
        Api.as(unit).queryParam("unitId", FGJ).get(path("/alerts")).then().statusCode(403);
        Api.as(viewer).queryParam("status", "LOST").get(path("/alerts")).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Api.as(viewer).queryParam("date", "today").get(path("/alerts")).then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "5 Sept").post(path("/alerts/run")).then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void metricsAreExposed() {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("duban_alerts_sent_total", "duban_alerts_retried_total", "duban_alerts_failed_total")) {
            assertTrue(text.contains(name + "{format=\"DINGTALK\""), name);
        }
    }

    // --- helpers

    private String path(String p) {
        return "/api/v1/regions/" + region + p;
    }

    private Map<String, Object> channel(String path, String format, String secret) {
        return secret == null ? Map.of("url", receiver.url(path), "format", format)
                : Map.of("url", receiver.url(path), "format", format, "secret", secret);
    }

    private void channels(Map<String, Object> body) {
        String sup = Tokens.supervisor(region);
        String etag = Api.as(sup).get(path("/alert-channels")).then().statusCode(200).extract().header("ETag");
        Api.as(sup).contentType("application/json").header("If-Match", etag).body(body).put(path("/alert-channels"))
                .then().statusCode(200);
    }

    private ValidatableResponse run(String asOf) {
        return Api.as(Tokens.supervisor(region)).queryParam("asOf", asOf).post(path("/alerts/run")).then();
    }

    private ValidatableResponse alerts(String... query) {
        var r = Api.as(Tokens.supervisor(region));
        for (int i = 0; i + 1 < query.length; i += 2) {
            r = r.queryParam(query[i], query[i + 1]);
        }
        return r.get(path("/alerts")).then().statusCode(200);
    }

    /** Delivery rounds until nothing is due (backoff is zero in tests, so retries are due at once). */
    private void deliverAll() {
        for (int round = 0; round < 50; round++) {
            if (delivery.deliverDue().await().atMost(Duration.ofSeconds(30)) == 0) {
                return;
            }
        }
        throw new AssertionError("deliveries still due after 50 rounds");
    }

    private double metric(String name, String format) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{format=\"" + format + "\"[^}]*} ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static WebhookReceiver.Received only(List<WebhookReceiver.Received> list) {
        assertEquals(1, list.size(), () -> list.toString());
        return list.get(0);
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static byte[] hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A row of the real key-task table; the 工作任务 columns are blank where merged. */
    static String[] fixtureRow(int seq) {
        for (String line : Fixtures.text(Fixtures.KEY_TASKS_TSV).split("\n")) {
            String[] cells = line.split("\t", -1);
            if (cells[0].equals(Integer.toString(seq))) {
                return cells;
            }
        }
        throw new IllegalArgumentException("no row " + seq);
    }

    /** The first three units of the county's unit table. */
    static List<String> fixtureUnits() {
        List<String> out = new ArrayList<>();
        String[] lines = Fixtures.text(Fixtures.UNITS_TSV).split("\n");
        for (int i = 1; i < lines.length && out.size() < 3; i++) {
            out.add(lines[i].split("\t")[0]);
        }
        return out;
    }
}
