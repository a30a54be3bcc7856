package io.duban.org.audit;

import static io.duban.org.auth.SignIn.PASSWORD;
import static io.duban.org.auth.SignIn.account;
import static io.duban.org.auth.SignIn.freshAddress;
import static io.duban.org.auth.SignIn.login;
import static io.duban.org.auth.SignIn.username;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.duban.testing.AuditInTransaction;
import io.duban.common.audit.AuditJobs;
import io.duban.org.Api;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** org-service's audit trail: sign-ins, failures and lock-outs by name and address; writes; never a password. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditJobs jobs;

    @Inject
    AgroalDataSource db;

    /**
     * Seals until none of the region's records waits: the commit horizon is the whole PostgreSQL cluster's, so on a
     * shared machine another database's open transaction can hold a round back.
     */
    void sealed(String region) {
        while (true) {
            jobs.sealAll().await().indefinitely();
            Number waiting = io.restassured.RestAssured.given().header("Authorization", "Bearer " + io.duban.testing.Tokens.supervisor(region))
                    .get("/api/v1/regions/" + region + "/audit/verification").then().statusCode(200).extract().path("unsealed");
            if (waiting.longValue() == 0) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    JsonPath audit(String region, String query) {
        sealed(region);
        return Api.supervisor(region).get(Api.base(region) + "/audit" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void signInsFailuresAndTheLockOutAreRecordedWithNameAndAddressButNoBodyDigest() {
        String region = Regions.fresh();
        String user = username("aud");
        account(region, user, "viewer", null);
        String address = freshAddress();
        login(address, user, PASSWORD).statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(address, user, "Wrong#pass" + i).statusCode(401);
        }
        login(address, user, "Wrong#pass4").statusCode(423);
        login(address, user, PASSWORD).statusCode(423);

        JsonPath page = audit(region, "?actor=" + user + "&size=20");
        List<Map<String, Object>> items = page.getList("items");
        assertEquals(7, items.size());
        assertEquals("LOGIN_OK", items.get(6).get("event"));
        assertEquals(200, items.get(6).get("status"));
        assertEquals("LOGIN_FAILED", items.get(5).get("event"));
        assertTrue(((String) items.get(1).get("event")).contains("LOCKED"), items.get(1).toString());
        assertEquals("LOGIN_REFUSED_LOCKED", items.get(0).get("event"));
        assertEquals(423, items.get(0).get("status"));
        for (Map<String, Object> r : items) {
            assertEquals(address, r.get("source"));
            assertEquals("/api/v1/auth/login", r.get("route"));
            assertNull(r.get("bodySha256"), "a sign-in's body holds a password: no digest of it");
        }
        String all = Api.supervisor(region).get(Api.base(region) + "/audit?size=500").asString();
        assertFalse(all.contains(PASSWORD));
        assertFalse(all.contains("Wrong#pass"));
        Api.supervisor(region).get(Api.base(region) + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void writesAreRecordedWithTheCreatedId() {
        String region = Regions.fresh();
        String unit = Api.createUnit(region, "县民政局", "DEPARTMENT");
        JsonPath page = audit(region, "?resource=" + unit);
        assertEquals(1, page.getInt("total"));
        assertEquals("/api/v1/regions/{region}/units", page.getString("items[0].route"));
        assertEquals(201, page.getInt("items[0].status"));
        assertEquals(64, page.getString("items[0].bodySha256").length());
        assertEquals("supervisor", page.getString("items[0].actorRole"));
    }

    /**
     * Unit writes record inside their own Hibernate Reactive transaction: exactly one record each, never a second one
     * from the response filter; a stale If-Match, refused when the transaction rolled back, leaves only the refusal.
     */
    @Test
    void unitWritesLeaveExactlyOneRecordEach() {
        String region = Regions.fresh();
        Api.importDemoUnits(region);
        String unit = Api.createUnit(region, "县新设局", "DEPARTMENT");
        Map<String, Object> body = Map.of("name", "县新设管理局", "kind", "DEPARTMENT", "aliases", List.of());
        Api.supervisor(region).contentType("application/json").header("If-Match", "\"0\"").body(body)
                .put(Api.base(region) + "/units/" + unit).then().statusCode(200);
        Api.supervisor(region).contentType("application/json").header("If-Match", "\"0\"").body(body)
                .put(Api.base(region) + "/units/" + unit).then().statusCode(412);

        JsonPath page = audit(region, "?size=100");
        Map<String, Long> perWrite = new java.util.TreeMap<>();
        for (Map<String, Object> r : page.<Map<String, Object>>getList("items")) {
            perWrite.merge(r.get("method") + " " + r.get("route") + " " + r.get("status"), 1L, Long::sum);
        }
        assertEquals(Map.of(
                "POST /api/v1/regions/{region}/units/import 200", 1L,
                "POST /api/v1/regions/{region}/units 201", 1L,
                "PUT /api/v1/regions/{region}/units/{id} 200", 1L,
                "PUT /api/v1/regions/{region}/units/{id} 412", 1L), perWrite);
        assertEquals(3, audit(region, "?resource=" + unit).getInt("total"), "the creation and the two PUTs name the unit");
        Api.supervisor(region).get(Api.base(region) + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * The region's records of one write that name {@code id}, and how many were written by the transaction that last
     * wrote {@code table}'s row {@code id} (see {@link AuditInTransaction#records}).
     */
    long[] records(String region, String method, String route, int status, String table, String id) throws SQLException {
        return AuditInTransaction.records(db, region, method, route, status, id,
                "select f.xmin from " + table + " f where f.region = a.region and f.id::text = ?", id);
    }

    /**
     * Group, API-client and unit writes commit their record in the fact's own transaction: exactly one record each, naming
     * the resource, with the status answered, written by the transaction that wrote the row (and the client's rotation
     * names its sign-in-log event, written after the commit).
     */
    @Test
    void groupClientAndUnitWritesCommitTheirRecordWithTheFact() throws SQLException {
        String region = Regions.fresh();
        Api.importDemoUnits(region);
        String finance = Api.unitId(region, "县财政局");
        String group = Api.supervisor(region).contentType("application/json")
                .body(Map.of("name", "营商环境专班", "aliases", List.of("专班成员单位"), "memberIds", List.of(finance)))
                .post(Api.base(region) + "/groups").then().statusCode(201).extract().path("id");
        String client = Api.supervisor(region).contentType("application/json")
                .body(Map.of("name", "财政局业务系统", "role", "unit", "unitId", finance))
                .post(Api.base(region) + "/api-clients").then().statusCode(201).extract().path("id");
        Api.supervisor(region).post(Api.base(region) + "/api-clients/" + client + "/secret").then().statusCode(200);
        String unit = Api.createUnit(region, "县临时专班办", "DEPARTMENT");
        Api.supervisor(region).delete(Api.base(region) + "/units/" + unit).then().statusCode(204);

        assertArrayEquals(new long[] {1, 1}, records(region, "POST", "/api/v1/regions/{region}/groups", 201, "unit_group", group));
        assertArrayEquals(new long[] {1, 1}, records(region, "POST", "/api/v1/regions/{region}/api-clients/{id}/secret", 200,
                "api_client", client));
        assertArrayEquals(new long[] {1, 1}, records(region, "DELETE", "/api/v1/regions/{region}/units/{id}", 204, "unit", unit));
        JsonPath rotation = audit(region, "?resource=" + client);
        assertEquals(2, rotation.getInt("total"), "the registration and the rotation");
        assertEquals("CLIENT_SECRET_ROTATED", rotation.getString("items[0].event"));
        assertEquals("CLIENT_CREATED", rotation.getString("items[1].event"));
        Api.supervisor(region).get(Api.base(region) + "/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    /**
     * A group creation whose transaction fails at its commit (a deferred trigger, after the record was written in it)
     * leaves no group and no 201 record: only the failure the response filter records.
     */
    @Test
    void aWriteRolledBackAtCommitLeavesNoSuccessRecord() throws SQLException {
        String region = Regions.fresh();
        Api.importDemoUnits(region);
        AuditInTransaction.AfterFailure after = AuditInTransaction.failingAtCommit(db, "unit_group", region,
                "/api/v1/regions/{region}/groups", () -> Api.supervisor(region).contentType("application/json")
                        .body(Map.of("name", "驻县单位", "kinds", List.of("BRANCH"))).post(Api.base(region) + "/groups")
                        .then().extract().statusCode());
        assertTrue(after.status() >= 500, "answered " + after.status());
        assertEquals(0, after.facts(), "no group");
        assertEquals(0, after.successRecords(), "no success record");
        assertEquals(1, after.failureRecords(), "the failure, recorded by the response filter");
    }
}
