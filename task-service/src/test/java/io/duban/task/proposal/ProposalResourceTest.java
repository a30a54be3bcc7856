package io.duban.task.proposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProposalResourceTest {

    static final String OFFICE = "县政府办公室";
    static final String DATA = "县大数据中心";
    static final String WATER = "县水利局";
    static final String TSV = "text/tab-separated-values";

    final String region = Regions.fresh();

    String path(String rest) {
        return Api.base(region) + rest;
    }

    RequestSpecification supervisor() {
        return Api.supervisor(region).contentType("application/json");
    }

    RequestSpecification unit(String name) {
        return Api.as(Tokens.unit(region, FakeOrgService.unitId(name).toString())).contentType("application/json");
    }

    String session() {
        return supervisor().body(Map.of("body", "CPPCC", "sessionName", "县政协十一届二次会议", "year", 2023))
                .post(path("/proposal-sessions")).then().statusCode(201)
                .header("Location", containsString("/proposal-sessions/"))
                .body("replyMonths", equalTo(3)).body("complexReplyMonths", equalTo(6)).body("maxReopens", equalTo(1))
                .body("title", equalTo("县政协十一届二次会议提案办理")).extract().path("planId");
    }

    static Map<String, Object> proposal(String number, String assignedOn, boolean complex, String lead, String co) {
        Map<String, Object> p = new HashMap<>(Map.of("number", number, "title", "关于进一步推进政务公开标准化规范化的提案",
                "proposers", List.of("王某某"), "assignedOn", assignedOn, "complex", complex, "leadUnits", lead));
        if (co != null) {
            p.put("coUnits", co);
        }
        return p;
    }

    static Map<String, Object> reply(String outcome, String repliedOn) {
        Map<String, Object> r = new HashMap<>(Map.of("text", "您提出的提案收悉。现答复如下：\n一、……\n感谢您的关心和支持。",
                "outcome", outcome, "consultation", "FACE", "consultedOn", repliedOn, "signer", "张某某", "contactName", "李某",
                "contactPhone", "0531-87888888", "docNumber", "平政办字〔2023〕9号", "repliedOn", repliedOn));
        if (outcome.equals("B")) {
            r.put("planText", "纳入2023年政务公开工作要点");
            r.put("promisedOn", "2023-12-31");
        }
        return r;
    }

    static Map<String, Object> feedback(String satisfaction, String receivedOn) {
        return Map.of("satisfaction", satisfaction, "relevance", "STRONG", "consultation", "FACE", "opinion", "意见", "receivedOn", receivedOn);
    }

    @Test
    void aProposalIsATaskWithLeadAndCoUnitsDueThreeOrSixMonthsAfterAssignment() {
        String session = session();
        JsonPath p = supervisor().body(proposal("1102097", "2023-06-30", false, OFFICE, DATA))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201)
                .header("Location", containsString("/proposals/"))
                .body("replyDue", equalTo("2023-10-07")).body("firstDue", equalTo("2023-10-07"))
                .body("coOpinionDue", equalTo("2023-07-30")).body("status", equalTo("ASSIGNED")).body("kind", equalTo("PROPOSAL"))
                .extract().jsonPath();
        String id = p.getString("id");
        supervisor().body(proposal("1102098", "2023-04-01", true, WATER, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).body("replyDue", equalTo("2023-10-07"));

        // the task carries the number, the 案由 and the due day; the units are LEAD and CO assignments
        Api.supervisor(region).get(path("/tasks/" + id)).then().statusCode(200)
                .body("requirement", equalTo("关于进一步推进政务公开标准化规范化的提案"))
                .body("deadline.date", equalTo("2023-10-07"))
                .body("assignments.role", equalTo(List.of("LEAD", "CO")))
                .body("assignments.unitName", equalTo(List.of(OFFICE, DATA)));

        supervisor().body(proposal("1102097", "2023-06-30", false, OFFICE, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(409);
        supervisor().body(proposal("9", "2023-06-30", false, "县不存在局", null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(422)
                .contentType("application/problem+json");
        supervisor().body(Map.of("number", "", "title", "x", "proposers", List.of(), "assignedOn", "2023-01-01", "leadUnits", OFFICE))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(400)
                .body("errors.field", hasItem("number"));
        unit(OFFICE).body(proposal("1", "2023-06-30", false, OFFICE, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(403);
        supervisor().body(proposal("1", "2023-06-30", false, OFFICE, null))
                .post(path("/proposal-sessions/00000000-0000-4000-8000-000000000000/proposals")).then().statusCode(404);

        // a unit lists only its own; another unit's proposal is a 404
        unit(DATA).get(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(200).body("total", equalTo(1));
        unit(WATER).get(path("/proposals/" + id)).then().statusCode(404);
        unit(DATA).get(path("/proposals/" + id)).then().statusCode(200).body("units.role", equalTo(List.of("LEAD", "CO")));
    }

    @Test
    void theListImportsAllOrNothing() {
        String session = session();
        String bad = "编号\t案由\t提案者\t主办单位\t协办单位\n1\t甲\t王某\t县水利局\t\n2\t乙\t李某\t县不存在局\t\n";
        supervisor().contentType(TSV).body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path("/proposal-sessions/" + session + "/import?assignedOn=2023-03-01"))
                .then().statusCode(400).contentType("application/problem+json").body("line", equalTo(3))
                .body("errors[0].message", containsString("县不存在局"));
        supervisor().get(path("/proposal-sessions/" + session + "/proposals")).then().body("total", equalTo(0));
        supervisor().get(path("/proposal-sessions")).then().statusCode(200).body("items.planId", equalTo(List.of(session)));

        String good = "县政协十一届二次会议提案交办清单\n编号\t案由\t提案者\t主办单位\t协办单位\t是否复杂\n"
                + "1102097\t关于进一步推进政务公开的提案\t王某某、李某某\t县政府办公室\t县大数据中心\t否\n"
                + "1102101\t关于加强水利设施管护的提案\t赵某\t县水利局\t\t是\n";
        supervisor().contentType(TSV).body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path("/proposal-sessions/" + session + "/import?assignedOn=2023-03-01"))
                .then().statusCode(200).body("proposals", equalTo(2)).body("items[1].replyDue", equalTo("2023-09-01"))
                .body("items[0].proposers", equalTo(List.of("王某某", "李某某")));
        supervisor().contentType(TSV).body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path("/proposal-sessions/" + session + "/import?assignedOn=2023-03-01"))
                .then().statusCode(409);
        supervisor().contentType(TSV).body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path("/proposal-sessions/" + session + "/import?assignedOn=03-01"))
                .then().statusCode(400).body("errors.field", hasItem("assignedOn"));
        // the generic table import refuses a proposals plan
        supervisor().contentType(TSV).body(good.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post(path("/plans/" + session + "/import")).then().statusCode(409);
    }

    @Test
    void replyFeedbackReopenAndTheLetter() throws Exception {
        String session = session();
        String id = supervisor().body(proposal("1102097", "2023-02-20", false, OFFICE, DATA))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        String replies = path("/proposals/" + id + "/replies");

        unit(DATA).body(Map.of("text", "协办意见：同意")).post(path("/proposals/" + id + "/co-opinions")).then().statusCode(201)
                .body("[0].unitName", equalTo(DATA));
        unit(OFFICE).body(Map.of("text", "x")).post(path("/proposals/" + id + "/co-opinions")).then().statusCode(403);
        unit(DATA).body(reply("A", "2023-04-20")).post(replies).then().statusCode(403);
        unit(WATER).body(reply("A", "2023-04-20")).post(replies).then().statusCode(404);
        unit(OFFICE).body(reply("B", "2023-04-20")).post(replies.replace(id, "not-an-id")).then().statusCode(404);
        Map<String, Object> missingPlan = reply("A", "2023-04-20");
        missingPlan.put("outcome", "B");
        unit(OFFICE).body(missingPlan).post(replies).then().statusCode(400).body("errors.field", hasItem("planText"));
        supervisor().body(feedback("SATISFIED", "2023-04-25")).post(path("/proposals/" + id + "/feedback")).then().statusCode(409);

        unit(OFFICE).body(reply("B", "2023-04-20")).post(replies).then().statusCode(201).body("onTime", equalTo(true))
                .body("dueOn", equalTo("2023-05-20")).body("promisedOn", equalTo("2023-12-31"));
        unit(OFFICE).body(reply("A", "2023-04-21")).post(replies).then().statusCode(409);
        // the 主办 and 协办 assignments are done, with a progress report saying so
        assertEquals(List.of("DONE", "DONE"), Api.assignmentsOfTask(region, id).stream().map(a -> a.get("status")).toList());

        // the 答复函, read back
        byte[] docx = unit(DATA).get(path("/proposals/" + id + "/reply-letter")).then().statusCode(200)
                .contentType(ProposalResource.DOCX).extract().asByteArray();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = d.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(texts.contains("对县政协十一届二次会议第1102097号提案的答复"), texts.toString());
            assertTrue(texts.contains("平政办字〔2023〕9号"), texts.toString());
            assertTrue(texts.contains("王某某委员："), texts.toString());
            assertTrue(texts.contains(OFFICE), texts.toString());
            assertTrue(texts.contains("2023年4月20日"), texts.toString());
        }

        // 不满意: reopened for a month from the day the form came in
        supervisor().body(feedback("UNSATISFIED", "2023-04-25")).post(path("/proposals/" + id + "/feedback")).then().statusCode(201)
                .body("round", equalTo(1));
        supervisor().get(path("/proposals/" + id)).then().statusCode(200)
                .body("proposal.status", equalTo("REOPENED")).body("proposal.round", equalTo(2))
                .body("proposal.replyDue", equalTo("2023-05-25")).body("proposal.firstDue", equalTo("2023-05-20"))
                .body("proposal.reopenCount", equalTo(1)).body("coOpinions", hasSize(1));
        Api.supervisor(region).get(path("/tasks/" + id)).then().body("deadline.date", equalTo("2023-05-25"));
        assertEquals(List.of("IN_PROGRESS", "DONE"), Api.assignmentsOfTask(region, id).stream().map(a -> a.get("status")).toList());
        // report-service learns the handling from the feed: the proposal's latest PROPOSAL snapshot
        assertEquals(List.of("1", "PROPOSAL", "2023-05-20", "2023-05-25", "REOPENED", "2", "1", "2023-04-20", "B", "UNSATISFIED"),
                lastProposalSnapshot(id));

        unit(OFFICE).body(reply("A", "2023-05-20")).post(replies).then().statusCode(201).body("round", equalTo(2));
        // a second 不满意 closes it: once only …
        supervisor().body(feedback("UNSATISFIED", "2023-05-28")).post(path("/proposals/" + id + "/feedback")).then().statusCode(201);
        supervisor().get(path("/proposals/" + id)).then().body("proposal.status", equalTo("CLOSED")).body("replies", hasSize(2))
                .body("feedback.satisfaction", equalTo(List.of("UNSATISFIED", "UNSATISFIED")));
        // … unless the supervisor allows more
        unit(OFFICE).body(Map.of("reopensAllowed", 2)).put(path("/proposals/" + id + "/reopens-allowed")).then().statusCode(403);
        supervisor().body(Map.of("reopensAllowed", 2)).put(path("/proposals/" + id + "/reopens-allowed")).then().statusCode(200)
                .body("status", equalTo("REOPENED")).body("round", equalTo(3)).body("reopenCount", equalTo(2));

        // the 评议表 by the 承办单位
        Map<String, Object> evaluation = Map.of("topic", 18, "analysis", 26, "feasibility", 27, "expression", 17, "excellent", true);
        unit(DATA).body(evaluation).post(path("/proposals/" + id + "/evaluation")).then().statusCode(403);
        unit(OFFICE).body(Map.of("topic", 21, "analysis", 26, "feasibility", 27, "expression", 17, "excellent", true))
                .post(path("/proposals/" + id + "/evaluation")).then().statusCode(400).body("errors.field", hasItem("topic"));
        unit(OFFICE).body(evaluation).post(path("/proposals/" + id + "/evaluation")).then().statusCode(201).body("total", equalTo(88));
        supervisor().get(path("/proposals/" + id)).then().body("evaluation.excellent", equalTo(true));
    }

    @Test
    void aBRepliesPromiseIsAFollowUpObligationOfTheLeadUnit() throws Exception {
        String session = session();
        String id = supervisor().body(proposal("1102097", "2023-02-20", false, OFFICE, DATA))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        String followUp = unit(OFFICE).body(reply("B", "2023-04-20")).post(path("/proposals/" + id + "/replies")).then()
                .statusCode(201).body("promisedOn", equalTo("2023-12-31")).extract().path("followUpTaskId");
        assertTrue(followUp != null);
        supervisor().get(path("/proposals/" + id)).then().body("replies[0].followUpTaskId", equalTo(followUp));

        // a task of the session, due on the promised day, the 主办 unit's alone
        Api.supervisor(region).get(path("/tasks/" + followUp)).then().statusCode(200)
                .body("planId", equalTo(session)).body("number", equalTo("1102097-B1"))
                .body("deadline.kind", equalTo("FIXED")).body("deadline.date", equalTo("2023-12-31"))
                .body("requirement", equalTo("落实第1102097号提案答复承诺：纳入2023年政务公开工作要点"))
                .body("assignments.role", equalTo(List.of("LEAD"))).body("assignments.unitName", equalTo(List.of(OFFICE)));
        // in the feed (so report-service derives its obligation) …
        try (Connection c = jdbc(); PreparedStatement st = c.prepareStatement("select data->'deadline'->>'date' from change_log "
                + "where region = ? and type = 'TASK' and entity_id = ?::uuid")) {
            st.setString(1, region);
            st.setString(2, followUp);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("2023-12-31", rs.getString(1));
            }
        }
        // … but not a proposal: the session still has one, and its numbers count one
        supervisor().get(path("/proposal-sessions/" + session + "/proposals")).then().body("total", equalTo(1));
        supervisor().get(path("/proposal-sessions/" + session + "/numbers")).then().statusCode(200).body("total.assigned", equalTo(1));

        // the unit closes it by reporting it done, like any assignment
        Map<String, Object> held = Api.assignmentsOfTask(region, followUp).get(0);
        String assignment = (String) held.get("id");
        String version = "\"" + held.get("version") + "\"";
        unit(DATA).header("If-Match", version).body(Map.of("status", "DONE", "completedOn", "2023-11-30", "note", "已纳入要点并完成"))
                .post(path("/assignments/" + assignment + "/reports")).then().statusCode(404);
        unit(OFFICE).header("If-Match", version).body(Map.of("status", "DONE", "completedOn", "2023-11-30", "note", "已纳入要点并完成"))
                .post(path("/assignments/" + assignment + "/reports")).then().statusCode(201);
        assertEquals(List.of("DONE"), Api.assignmentsOfTask(region, followUp).stream().map(a -> a.get("status")).toList());

        // an A reply promises nothing
        String other = supervisor().body(proposal("1102098", "2023-02-20", false, WATER, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        unit(WATER).body(reply("A", "2023-04-20")).post(path("/proposals/" + other + "/replies")).then().statusCode(201)
                .body("followUpTaskId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void theCreatingPostsTakeAnIdempotencyKey() {
        Map<String, Object> sessionBody = Map.of("body", "CPPCC", "sessionName", "县政协十一届二次会议", "year", 2023);
        String session = supervisor().header("Idempotency-Key", "session-1").body(sessionBody).post(path("/proposal-sessions"))
                .then().statusCode(201).extract().path("planId");
        supervisor().header("Idempotency-Key", "session-1").body(sessionBody).post(path("/proposal-sessions")).then().statusCode(201)
                .header("Location", containsString(session)).body("planId", equalTo(session));
        supervisor().header("Idempotency-Key", "session-1").body(Map.of("body", "NPC", "sessionName", "县人大十八届二次会议", "year", 2023))
                .post(path("/proposal-sessions")).then().statusCode(422).contentType("application/problem+json")
                .body("idempotencyKey", equalTo("session-1"));
        supervisor().header("Idempotency-Key", "bad key").body(sessionBody).post(path("/proposal-sessions")).then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        supervisor().get(path("/proposal-sessions")).then().body("total", equalTo(1));

        String proposals = path("/proposal-sessions/" + session + "/proposals");
        String id = supervisor().header("Idempotency-Key", "p-1102097").body(proposal("1102097", "2023-02-20", false, OFFICE, DATA))
                .post(proposals).then().statusCode(201).extract().path("id");
        // a retry is the first answer, not a 409 for the taken number
        supervisor().header("Idempotency-Key", "p-1102097").body(proposal("1102097", "2023-02-20", false, OFFICE, DATA))
                .post(proposals).then().statusCode(201).body("id", equalTo(id)).header("Location", containsString(id));
        supervisor().header("Idempotency-Key", "p-1102097").body(proposal("1102098", "2023-02-20", false, OFFICE, DATA))
                .post(proposals).then().statusCode(422);
        supervisor().get(proposals).then().body("total", equalTo(1));

        String replies = path("/proposals/" + id + "/replies");
        String reply = unit(OFFICE).header("Idempotency-Key", "r-1").body(reply("A", "2023-04-20")).post(replies).then().statusCode(201)
                .extract().path("id");
        unit(OFFICE).header("Idempotency-Key", "r-1").body(reply("A", "2023-04-20")).post(replies).then().statusCode(201)
                .body("id", equalTo(reply));
        unit(OFFICE).header("Idempotency-Key", "r-1").body(reply("C", "2023-04-20")).post(replies).then().statusCode(422);
        // without the key a second reply is what it is: the round is answered
        unit(OFFICE).body(reply("A", "2023-04-20")).post(replies).then().statusCode(409);

        String feedback = path("/proposals/" + id + "/feedback");
        String form = supervisor().header("Idempotency-Key", "f-1").body(feedback("UNSATISFIED", "2023-04-25")).post(feedback).then()
                .statusCode(201).extract().path("id");
        supervisor().header("Idempotency-Key", "f-1").body(feedback("UNSATISFIED", "2023-04-25")).post(feedback).then().statusCode(201)
                .body("id", equalTo(form));
        supervisor().header("Idempotency-Key", "f-1").body(feedback("SATISFIED", "2023-04-25")).post(feedback).then().statusCode(422);
        // one reopening, not two
        supervisor().get(path("/proposals/" + id)).then().body("proposal.round", equalTo(2)).body("proposal.reopenCount", equalTo(1))
                .body("feedback", hasSize(1)).body("replies", hasSize(1));
    }

    @Test
    void theOneTimeFeedbackLink() throws Exception {
        String session = session();
        String id = supervisor().body(proposal("1102097", "2023-02-20", false, OFFICE, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        String links = path("/proposals/" + id + "/feedback-links");
        supervisor().post(links).then().statusCode(409);
        unit(OFFICE).body(reply("A", "2023-04-20")).post(path("/proposals/" + id + "/replies")).then().statusCode(201);

        String token = unit(OFFICE).post(links).then().statusCode(201).extract().path("token");
        assertTrue(token.startsWith(region + "-"), token);
        String link = "/api/v1/proposal-feedback/" + token;
        given().get(link).then().statusCode(200).body("number", equalTo("1102097")).body("outcome", equalTo("A"))
                .body("sessionName", equalTo("县政协十一届二次会议"));
        // foreign: another region's prefix, a changed character, garbage — all 404 like an unknown one
        String other = Regions.fresh();
        given().get("/api/v1/proposal-feedback/" + other + token.substring(6)).then().statusCode(404);
        given().get(link.substring(0, link.length() - 1) + (token.endsWith("A") ? "B" : "A")).then().statusCode(404);
        given().get("/api/v1/proposal-feedback/not-a-token").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("satisfaction", "VERY")).post(link).then().statusCode(400);

        given().contentType("application/json").body(Map.of("satisfaction", "BASICALLY_SATISFIED", "relevance", "FAIR",
                "consultation", "PHONE")).post(link).then().statusCode(201).body("via", equalTo("LINK"));
        // reused
        given().contentType("application/json").body(Map.of("satisfaction", "UNSATISFIED", "relevance", "POOR",
                "consultation", "NONE")).post(link).then().statusCode(404);
        given().get(link).then().statusCode(404);
        supervisor().get(path("/proposals/" + id)).then().body("proposal.status", equalTo("CLOSED"))
                .body("feedback[0].satisfaction", equalTo("BASICALLY_SATISFIED"));

        // expired
        String id2 = supervisor().body(proposal("1102098", "2023-02-20", false, OFFICE, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        unit(OFFICE).body(reply("C", "2023-04-20")).post(path("/proposals/" + id2 + "/replies")).then().statusCode(201);
        String expiring = supervisor().post(path("/proposals/" + id2 + "/feedback-links")).then().statusCode(201).extract().path("token");
        try (Connection c = jdbc(); PreparedStatement st = c.prepareStatement(
                "update proposal_feedback_link set expires_at = now() - interval '1 second' where region = ? and task_id = ?::uuid")) {
            st.setString(1, region);
            st.setString(2, id2);
            assertEquals(1, st.executeUpdate());
        }
        given().get("/api/v1/proposal-feedback/" + expiring).then().statusCode(404);
        given().contentType("application/json").body(Map.of("satisfaction", "SATISFIED", "relevance", "STRONG",
                "consultation", "FACE")).post("/api/v1/proposal-feedback/" + expiring).then().statusCode(404);
        supervisor().get(path("/proposals/" + id2)).then().body("proposal.status", equalTo("ANSWERED"));
    }

    @Test
    void numbersPerUnitAndTheWorkbook() throws Exception {
        String session = session();
        String a = supervisor().body(proposal("1", "2023-02-20", false, OFFICE, DATA))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        String b = supervisor().body(proposal("2", "2023-02-20", false, OFFICE, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201).extract().path("id");
        supervisor().body(proposal("3", "2023-02-20", false, WATER, null))
                .post(path("/proposal-sessions/" + session + "/proposals")).then().statusCode(201);
        unit(OFFICE).body(reply("A", "2023-05-20")).post(path("/proposals/" + a + "/replies")).then().statusCode(201);
        unit(OFFICE).body(reply("B", "2023-05-25")).post(path("/proposals/" + b + "/replies")).then().statusCode(201);
        supervisor().body(feedback("SATISFIED", "2023-05-26")).post(path("/proposals/" + a + "/feedback")).then().statusCode(201);
        supervisor().body(feedback("UNSATISFIED", "2023-05-29")).post(path("/proposals/" + b + "/feedback")).then().statusCode(201);

        String numbers = path("/proposal-sessions/" + session + "/numbers?asOf=2023-06-30");
        supervisor().get(numbers).then().statusCode(200)
                .body("total.assigned", equalTo(3)).body("total.answeredOnTime", equalTo(1)).body("total.answeredLate", equalTo(1))
                .body("total.notAnswered", equalTo(1)).body("total.overdue", equalTo(1))
                .body("total.outcomes.A", equalTo(1)).body("total.outcomes.B", equalTo(1))
                .body("total.outcomeShares.A", equalTo(50.0f)).body("total.satisfactionRate", equalTo(50.0f))
                .body("total.reopened", equalTo(1))
                .body("units.unitName", equalTo(List.of(OFFICE, WATER)))
                .body("units[0].assigned", equalTo(2)).body("units[1].overdue", equalTo(1));
        supervisor().get(path("/proposal-sessions/" + session + "/numbers?asOf=June")).then().statusCode(400);

        byte[] xlsx = supervisor().get(path("/proposal-sessions/" + session + "/numbers.xlsx?asOf=2023-06-30")).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("办理情况统计表");
            DataFormatter f = new DataFormatter();
            assertEquals("县政协十一届二次会议提案办理情况统计表（截至2023年6月30日）", f.formatCellValue(s.getRow(0).getCell(0)));
            Row header = s.getRow(1);
            assertEquals("主办单位", f.formatCellValue(header.getCell(0)));
            assertEquals("满意率", f.formatCellValue(header.getCell(15)));
            assertEquals(OFFICE, f.formatCellValue(s.getRow(2).getCell(0)));
            assertEquals("合计", f.formatCellValue(s.getRow(4).getCell(0)));
            assertEquals("50.00%", f.formatCellValue(s.getRow(4).getCell(15)));
            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals("1:2", s.getRepeatingRows().formatAsString());
            assertEquals(1, s.getPrintSetup().getFitWidth());
            assertEquals(3, wb.getSheet("办理明细").getLastRowNum() - 1);
        }
        unit(OFFICE).get(path("/proposal-sessions/" + session + "/numbers.xlsx")).then().statusCode(403);
    }

    /** The proposal's latest PROPOSAL item in the change feed, as text: number suffix aside, the fields report-service reads. */
    List<String> lastProposalSnapshot(String id) throws java.sql.SQLException {
        try (Connection c = jdbc(); PreparedStatement st = c.prepareStatement("select (select count(*) from change_log x where "
                + "x.region = l.region and x.entity_id = l.entity_id and x.type = 'PROPOSAL' and x.data->>'status' = 'ASSIGNED'), "
                + "data->>'kind', data->>'firstDue', data->>'currentDue', data->>'status', data->>'round', data->>'reopenCount', "
                + "data->>'firstRepliedOn', data->>'outcome', data->>'satisfaction' from change_log l where region = ? and "
                + "entity_id = ?::uuid and type = 'PROPOSAL' order by id desc limit 1")) {
            st.setString(1, region);
            st.setString(2, id);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next(), "no PROPOSAL item for " + id);
                List<String> out = new java.util.ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    out.add(rs.getString(i));
                }
                return out;
            }
        }
    }

    static Connection jdbc() throws java.sql.SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
