package io.duban.org.group;

import static io.duban.org.Api.base;
import static io.duban.org.Api.supervisor;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.duban.org.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GroupResourceTest {

    @Test
    void builtInGroupsListTheRegionsActiveUnitsOfTheirKinds() {
        String region = Regions.fresh();
        Api.importDemoUnits(region);
        String judicial = Api.unitId(region, "县司法局");
        supervisor(region).delete(base(region) + "/units/" + judicial).then().statusCode(204);
        Api.as(Tokens.viewer(region)).get(base(region) + "/groups").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.id", equalTo(List.of("builtin-towns", "builtin-towns-zone", "builtin-departments", "builtin-all")))
                .body("items[0].name", equalTo("各镇（街道）"))
                .body("items[0].members", hasSize(12))
                .body("items[0].kinds", containsInAnyOrder("TOWN", "SUBDISTRICT"))
                .body("items[1].name", equalTo("各镇（街道、经济开发区）"))
                .body("items[1].members", hasSize(13))
                .body("items[1].kinds", containsInAnyOrder("TOWN", "SUBDISTRICT", "ZONE"))
                .body("items[2].aliases", hasItem("县直各部门（单位）"))
                .body("items[2].members", hasSize(29))
                .body("items[2].members.name", not(hasItem("县司法局")))
                .body("items[3].aliases", hasItem("各级各部门单位"))
                .body("items[3].members", hasSize(42));
    }

    @Test
    void customGroupsByMembersOrKindsAreListedAndResolved() {
        String region = Regions.fresh();
        Api.importDemoUnits(region);
        String finance = Api.unitId(region, "县财政局");
        String commerce = Api.unitId(region, "县商务局");
        String id = supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "营商环境专班", "aliases", List.of("专班成员单位"), "memberIds", List.of(finance, commerce)))
                .post(base(region) + "/groups").then().statusCode(201)
                .body("builtIn", equalTo(false))
                .body("members.name", containsInAnyOrder("县财政局", "县商务局"))
                .extract().path("id");
        supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "驻县单位", "kinds", List.of("BRANCH")))
                .post(base(region) + "/groups").then().statusCode(201).body("members", hasSize(6));
        Api.as(Tokens.unit(region, finance)).get(base(region) + "/groups/" + id).then().statusCode(200)
                .body("name", equalTo("营商环境专班"));
        supervisor(region).get(base(region) + "/groups").then().body("total", equalTo(6))
                .body("items[4].name", equalTo("营商环境专班"));
        supervisor(region).contentType(ContentType.JSON).body(Map.of("text", "专班成员单位"))
                .post(base(region) + "/responsibility/resolve").then().statusCode(200)
                .body("assignments.unitName", containsInAnyOrder("县财政局", "县商务局"))
                .body("assignments.role", equalTo(List.of("RESPONSIBLE", "RESPONSIBLE")));
    }

    @Test
    void aGroupNeedsKindsOrMembersButNotBoth() {
        String region = Regions.fresh();
        String finance = Api.createUnit(region, "县财政局", "DEPARTMENT");
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "专班"))
                .post(base(region) + "/groups").then().statusCode(400).body("errors[0].field", equalTo("kinds"));
        supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "专班", "kinds", List.of("TOWN"), "memberIds", List.of(finance)))
                .post(base(region) + "/groups").then().statusCode(400);
    }

    @Test
    void unknownMembersKindsAndClashingNamesAreRejected() {
        String region = Regions.fresh();
        Api.createUnit(region, "县财政局", "DEPARTMENT");
        supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "专班", "memberIds", List.of("00000000-0000-0000-0000-000000000001")))
                .post(base(region) + "/groups").then().statusCode(400).body("errors[0].field", equalTo("memberIds[0]"));
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "专班", "kinds", List.of("BUREAU")))
                .post(base(region) + "/groups").then().statusCode(400).contentType("application/problem+json");
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "专班", "memberIds", List.of("x")))
                .post(base(region) + "/groups").then().statusCode(400);
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "各部门", "kinds", List.of("TOWN")))
                .post(base(region) + "/groups").then().statusCode(409);
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "沂源县财政局", "kinds", List.of("TOWN")))
                .post(base(region) + "/groups").then().statusCode(409);
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "专班", "kinds", List.of("TOWN")))
                .post(base(region) + "/groups").then().statusCode(201);
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "专班", "kinds", List.of("ZONE")))
                .post(base(region) + "/groups").then().statusCode(409);
    }

    @Test
    void unknownGroupIdsAre404() {
        String region = Regions.fresh();
        supervisor(region).get(base(region) + "/groups/builtin-nothing").then().statusCode(404);
        supervisor(region).get(base(region) + "/groups/00000000-0000-0000-0000-000000000001").then().statusCode(404);
    }

    @Test
    void onlyTheSupervisorDefinesGroups() {
        String region = Regions.fresh();
        Api.as(Tokens.viewer(region)).contentType(ContentType.JSON).body(Map.of("name", "专班", "kinds", List.of("TOWN")))
                .post(base(region) + "/groups").then().statusCode(403);
    }
}
