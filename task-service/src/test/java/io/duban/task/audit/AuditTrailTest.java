package io.duban.task.audit;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.duban.testing.AuditInTransaction;
import io.duban.common.audit.AuditChain;
import io.duban.common.audit.AuditJobs;
import io.duban.task.support.Api;
import io.duban.testing.Eventually;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit trail as task-service keeps it: writes, refusals, the API and CSV, the chain, its verification and retention. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditJobs jobs;

    /**
     * Seals until none of the region's records waits: the commit horizon is the whole PostgreSQL cluster's, so on a
     * shared machine another database's open transaction can hold a round back.
     */
    void sealed(String region) {
        Eventually.until(() -> {
            jobs.sealAll().await().indefinitely();
            Number waiting = supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200).extract()
                    .path("unsealed");
            return waiting.longValue() == 0;
        }, java.time.Duration.ofSeconds(60));
    }

    @Inject
    AgroalDataSource db;

    static final String REPORT = "{\"status\":\"IN_PROGRESS\",\"note\":\"已部署\"}";

    /** A region with one plan; returns the region and the plan id. */
    static String[] region() {
        String region = Regions.fresh();
        return new String[] {region, Api.yiyuanPlan(region)};
    }

    JsonPath audit(String region, String query) {
        sealed(region);
        return supervisor(region).get(base(region) + "/audit" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aReportIsRecordedWithItsRouteTemplateIdsActorAndBodyDigest() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        String task = (String) Api.task(region, plan, 36).get("id");
        String assignment = (String) Api.assignmentsOfTask(region, task).get(0).get("id");
        String reportId = supervisor(region).contentType("application/json").header("If-Match", "\"1\"").body(REPORT)
                .post(base(region) + "/assignments/" + assignment + "/reports").then().statusCode(201).extract().path("report.id");

        JsonPath page = audit(region, "?resource=" + reportId);
        assertEquals(1, page.getInt("total"));
        Map<String, Object> r = page.getMap("items[0]");
        assertEquals("POST", r.get("method"));
        assertEquals("/api/v1/regions/{region}/assignments/{id}/reports", r.get("route"));
        assertEquals(List.of(assignment, reportId), r.get("resources"));
        assertEquals(201, r.get("status"));
        assertEquals("test-supervisor@" + region, r.get("actor"));
        assertEquals("supervisor", r.get("actorRole"));
        assertEquals(AuditChain.sha256(REPORT), r.get("bodySha256"));
        assertNotNull(r.get("hash"));
        assertNotNull(r.get("source"));
        // the plan's creation and the import are writes too; the reads are not recorded
        assertEquals(3, audit(region, "").getInt("total"));
        assertEquals(1, audit(region, "?outcome=201&actor=test-supervisor@" + region + "&resource=" + plan).getInt("total"));
    }

    /**
     * Writes that commit their record inside their own transaction (plan, import, 台账 due day, report) leave exactly one
     * record each, never a second one from the response filter; a write refused after its transaction rolled back
     * (a stale If-Match) leaves only the refusal.
     */
    @Test
    void writesInATransactionLeaveExactlyOneRecordEach() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        supervisor(region).contentType("application/json").header("If-Match", "\"1\"").body("{\"ledgerDueOn\":\"2023-10-31\"}")
                .put(base(region) + "/plans/" + plan + "/ledger-due-on").then().statusCode(200);
        supervisor(region).contentType("application/json").header("If-Match", "\"1\"").body("{\"ledgerDueOn\":\"2023-11-30\"}")
                .put(base(region) + "/plans/" + plan + "/ledger-due-on").then().statusCode(412);
        String task = (String) Api.task(region, plan, 36).get("id");
        String assignment = (String) Api.assignmentsOfTask(region, task).get(0).get("id");
        supervisor(region).contentType("application/json").header("If-Match", "\"1\"").header("Idempotency-Key", "once-" + region)
                .body(REPORT).post(base(region) + "/assignments/" + assignment + "/reports").then().statusCode(201);

        JsonPath all = audit(region, "?size=100");
        Map<String, Long> perWrite = new java.util.TreeMap<>();
        for (Map<String, Object> r : all.<Map<String, Object>>getList("items")) {
            perWrite.merge(r.get("method") + " " + r.get("route") + " " + r.get("status"), 1L, Long::sum);
        }
        assertEquals(Map.of(
                "POST /api/v1/regions/{region}/plans 201", 1L,
                "POST /api/v1/regions/{region}/plans/{id}/import 200", 1L,
                "PUT /api/v1/regions/{region}/plans/{id}/ledger-due-on 200", 1L,
                "PUT /api/v1/regions/{region}/plans/{id}/ledger-due-on 412", 1L,
                "POST /api/v1/regions/{region}/assignments/{id}/reports 201", 1L), perWrite);
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void refusalsAreRecordedAndNoTokenIsEver() {
        String[] a = region();
        String region = a[0];
        String viewer = Tokens.viewer(region);
        given().header("Authorization", "Bearer " + viewer).contentType("application/json")
                .body("{\"title\":\"x\",\"issuedOn\":\"2023-08-09\",\"year\":2023,\"kind\":\"KEY_TASKS\"}")
                .post(base(region) + "/plans").then().statusCode(403);
        given().get(base(region) + "/plans").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get(base(region) + "/plans/" + a[1]).then().statusCode(401);
        // a viewer may not read the trail either, and that refusal is itself recorded
        given().header("Authorization", "Bearer " + viewer).get(base(region) + "/audit").then().statusCode(403);

        JsonPath page = audit(region, "?outcome=403");
        assertEquals(2, page.getInt("total"));
        assertEquals("test-viewer@" + region, page.getString("items[1].actor"));
        assertEquals("/api/v1/regions/{region}/plans", page.getString("items[1].route"));
        JsonPath refused = audit(region, "?outcome=401");
        assertEquals(2, refused.getInt("total"));
        assertEquals("anonymous", refused.getString("items[0].actor"));
        assertEquals(List.of(a[1]), refused.getList("items[0].resources"));
        String everything = supervisor(region).get(base(region) + "/audit?size=500").asString();
        assertFalse(everything.contains(viewer), "a token must never be recorded");
        assertFalse(everything.contains("not.a.token"));
    }

    @Test
    void csvByAcceptAndBadFiltersAre400() {
        String[] a = region();
        String region = a[0];
        String csv = supervisor(region).accept("text/csv").get(base(region) + "/audit?from=2020-01-01&to=2100-12-31")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("\uFEFFid,region,at,actor,actorRole,actorUnit,source,method,route,resources,status,bodySha256,event,seq,prevHash,hash", lines[0]);
        assertTrue(lines[1].contains(",POST,/api/v1/regions/{region}/plans," + a[1] + ",201,"), lines[1]);
        supervisor(region).get(base(region) + "/audit?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        supervisor(region).get(base(region) + "/audit?outcome=2xx&to=1900-01-01").then().statusCode(400)
                .body("errors.field", hasItem("outcome")).body("errors.field", hasItem("to"));
        supervisor(region).get(base(region) + "/audit?page=0").then().statusCode(400);
    }

    @Test
    void verificationNamesTheFirstRecordEditedInTheDatabase() throws Exception {
        String[] a = region();
        String region = a[0];
        for (int i = 0; i < 3; i++) {
            Api.plan(region, "ROUTINE", "清单" + i);
        }
        sealed(region);
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("checked", equalTo(4)).body("firstSeq", equalTo(1))
                .body("lastSeq", equalTo(4)).body("firstBreak", nullValue());

        long second;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select id from audit_seal where region = '" + region + "' and seq = 2");
            rs.next();
            second = rs.getLong(1);
            s.executeUpdate("update audit_record set actor = 'someone-else' where region = '" + region + "' and id = " + second);
        }
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBreak.seq", equalTo(2))
                .body("firstBreak.id", equalTo((int) second));

        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update audit_record set actor = 'test-supervisor@" + region + "' where region = '" + region + "' and id = " + second);
        }
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
        // a record removed: its link names the gap
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from audit_record where (region, id) in (select region, id from audit_seal where region = '" + region
                    + "' and seq = 3)");
        }
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBreak.seq", equalTo(3));
        // the record and its link removed: the next link's seq and previous hash no longer follow
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from audit_seal where region = '" + region + "' and seq = 3");
        }
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstBreak.seq", equalTo(4));
    }

    @Test
    void aRecordCommittedOutOfOrderIsLinkedAfterTheOthersNeverSkipped() throws Exception {
        String[] a = region();
        String region = a[0];
        try (Connection slow = db.getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement p = slow.prepareStatement("insert into audit_record (region, actor, method, route, status) "
                    + "values (?, 'slow', 'POST', '/slow', 201)")) {
                p.setString(1, region);
                p.executeUpdate();
            }
            // a later write commits first; the slow transaction holds the horizon, so neither is linked yet
            Api.plan(region, "ROUTINE", "后来者");
            jobs.sealAll().await().indefinitely();
            JsonPath open = supervisor(region).get(base(region) + "/audit?actor=test-supervisor@" + region).then().extract().jsonPath();
            assertEquals(2, open.getInt("total"));
            assertNull(open.get("items[0].hash"), "a record above the commit horizon waits");
            slow.commit();
        }
        sealed(region);
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("checked", equalTo(3)).body("unsealed", equalTo(0));
    }

    @Test
    void retentionRemovesTheOldestPrefixAndLeavesItsOwnRecordAndAVerifiableChain() throws Exception {
        String region = Regions.fresh();
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement("insert into audit_record "
                + "(region, at, actor, method, route, status) values (?, now() - interval '200 days', 'old', 'POST', '/old', 201)")) {
            for (int i = 0; i < 3; i++) {
                p.setString(1, region);
                p.executeUpdate();
            }
        }
        sealed(region);
        Api.yiyuanPlan(region);
        sealed(region);
        long removed = jobs.purge().await().indefinitely();
        assertTrue(removed >= 3, "removed " + removed);
        JsonPath page = audit(region, "");
        assertEquals(2, page.getInt("total"));
        assertEquals("RETENTION removed=3", page.getString("items[0].event").substring(0, "RETENTION removed=3".length()));
        assertEquals("duban:audit-retention", page.getString("items[0].actor"));
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstSeq", equalTo(4)).body("lastSeq", equalTo(5));
    }

    /** See {@link AuditInTransaction#records}. */
    long[] records(String region, String method, String route, int status, String id, String factXmin, Object... factParams)
            throws SQLException {
        return AuditInTransaction.records(db, region, method, route, status, id, factXmin, factParams);
    }

    static String sessionBody() {
        return "{\"body\":\"CPPCC\",\"sessionName\":\"县政协十一届二次会议\",\"year\":2023}";
    }

    static String proposalBody(String number) {
        return "{\"number\":\"" + number + "\",\"title\":\"关于推进政务公开标准化的提案\",\"proposers\":[\"王某某\"],"
                + "\"assignedOn\":\"2023-06-30\",\"complex\":false,\"leadUnits\":\"县政府办公室\"}";
    }

    /**
     * The region settings, a proposal session and a proposal commit their record in the fact's own transaction: exactly
     * one record each, naming the resource, with the status answered, written by the transaction that wrote the row; a
     * stale settings If-Match (nothing written) leaves only its 412.
     */
    @Test
    void settingsAndProposalWritesCommitTheirRecordWithTheFact() throws SQLException {
        String region = Regions.fresh();
        supervisor(region).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"ackWorkingDays\":5,\"completionReview\":\"REQUIRED\"}").put(base(region) + "/settings").then().statusCode(200);
        supervisor(region).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"ackWorkingDays\":3,\"completionReview\":\"OFF\"}").put(base(region) + "/settings").then().statusCode(412);
        String session = supervisor(region).contentType("application/json").body(sessionBody())
                .post(base(region) + "/proposal-sessions").then().statusCode(201).extract().path("planId");
        String proposal = supervisor(region).contentType("application/json").body(proposalBody("1102097"))
                .post(base(region) + "/proposal-sessions/" + session + "/proposals").then().statusCode(201).extract().path("id");

        assertArrayEquals(new long[] {1, 1}, records(region, "PUT", "/api/v1/regions/{region}/settings", 200, null,
                "select xmin from region_settings where region = ?", region), "the settings change");
        assertArrayEquals(new long[] {1, 0}, records(region, "PUT", "/api/v1/regions/{region}/settings", 412, null,
                "select xmin from region_settings where region = ?", region), "the stale one: its refusal only");
        assertArrayEquals(new long[] {1, 1}, records(region, "POST", "/api/v1/regions/{region}/proposal-sessions", 201, session,
                "select xmin from plan where region = ? and id = ?::uuid", region, session), "the session");
        assertArrayEquals(new long[] {1, 1}, records(region, "POST", "/api/v1/regions/{region}/proposal-sessions/{planId}/proposals",
                201, proposal, "select xmin from proposal where region = ? and task_id = ?::uuid", region, proposal), "the proposal");
        supervisor(region).get(base(region) + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * A proposal whose transaction fails at its commit (a deferred trigger, after the record was written in it) leaves no
     * proposal and no 201 record: only the failure the response filter records.
     */
    @Test
    void aProposalRolledBackAtCommitLeavesNoSuccessRecord() throws SQLException {
        String region = Regions.fresh();
        String session = supervisor(region).contentType("application/json").body(sessionBody())
                .post(base(region) + "/proposal-sessions").then().statusCode(201).extract().path("planId");
        AuditInTransaction.AfterFailure after = AuditInTransaction.failingAtCommit(db, "proposal", region,
                "/api/v1/regions/{region}/proposal-sessions/{planId}/proposals", () -> supervisor(region)
                        .contentType("application/json").body(proposalBody("1102098"))
                        .post(base(region) + "/proposal-sessions/" + session + "/proposals").then().extract().statusCode());
        assertTrue(after.status() >= 500, "answered " + after.status());
        assertEquals(0, after.facts(), "no proposal");
        assertEquals(0, after.successRecords(), "no success record");
        assertEquals(1, after.failureRecords(), "the failure, recorded by the response filter");
    }
}
