package io.duban.org.audit;

import static io.duban.org.auth.SignIn.PASSWORD;
import static io.duban.org.auth.SignIn.account;
import static io.duban.org.auth.SignIn.freshAddress;
import static io.duban.org.auth.SignIn.login;
import static io.duban.org.auth.SignIn.username;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.audit.AuditJobs;
import io.duban.org.Api;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** org-service's audit trail: sign-ins, failures and lock-outs by name and address; writes; never a password. */
@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditJobs jobs;

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
}
