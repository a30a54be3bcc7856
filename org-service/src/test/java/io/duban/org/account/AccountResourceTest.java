package io.duban.org.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.duban.org.Api;
import io.duban.org.auth.SignIn;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A supervisor manages its own region's accounts, and no other region's. */
@QuarkusTest
class AccountResourceTest {

    @Test
    void supervisorCreatesListsAndReadsAccounts() {
        String region = Regions.fresh();
        String unitId = Api.createUnit(region, "鲁村镇", "TOWN");
        String user = SignIn.username("lcz");
        String id = Api.supervisor(region).contentType("application/json")
                .body(Map.of("username", user, "displayName", "鲁村镇联络员", "role", "unit", "unitId", unitId, "phone", "0533-3221234"))
                .post(Api.base(region) + "/accounts").then().statusCode(201)
                .header("Location", notNullValue()).header("Cache-Control", "no-store")
                .body("initialPassword", notNullValue()).body("unitName", equalTo("鲁村镇")).body("mustChangePassword", equalTo(true))
                .extract().path("id");
        Api.supervisor(region).get(Api.base(region) + "/accounts").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id)).body("items[0].unitName", equalTo("鲁村镇"))
                .body("items[0].initialPassword", nullValue()).body("items[0].passwordHash", nullValue());
        Api.supervisor(region).get(Api.base(region) + "/accounts/" + id).then().statusCode(200).body("phone", equalTo("0533-3221234"));
        Api.supervisor(region).get(Api.base(region) + "/accounts/not-a-uuid").then().statusCode(404);
        Api.as(Tokens.system(region)).get(Api.base(region) + "/accounts").then().statusCode(200);
    }

    @Test
    void usernamesAreUniqueAcrossRegionsIgnoringCase() {
        String a = Regions.fresh();
        String b = Regions.fresh();
        String user = SignIn.username("Dup");
        SignIn.account(a, user, "viewer", null);
        Api.supervisor(b).contentType("application/json")
                .body(Map.of("username", user.toLowerCase(), "displayName", "x", "role", "viewer"))
                .post(Api.base(b) + "/accounts").then().statusCode(409).body("errors[0].field", equalTo("username"));
    }

    @Test
    void badAccountsAreRefusedNamingTheField() {
        String region = Regions.fresh();
        String other = Regions.fresh();
        String foreignUnit = Api.createUnit(other, "县财政局", "DEPARTMENT");
        post(region, Map.of("username", "x", "displayName", "x", "role", "viewer")).statusCode(400)
                .body("errors.field", hasItem("username"));
        post(region, Map.of("username", SignIn.username("u"), "displayName", "x", "role", "unit")).statusCode(400)
                .body("errors.field", hasItem("unitId"));
        post(region, Map.of("username", SignIn.username("u"), "displayName", "x", "role", "unit", "unitId", foreignUnit)).statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        post(region, Map.of("username", SignIn.username("u"), "displayName", "x", "role", "admin")).statusCode(400)
                .body("errors.field", hasItem("role"));
        post(region, Map.of("username", SignIn.username("u"), "displayName", "x", "role", "viewer", "password", "password"))
                .statusCode(400).body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo(PasswordPolicy.RULE));
        Api.supervisor(region).contentType("application/json").body("[]").post(Api.base(region) + "/accounts").then().statusCode(400);
        Api.supervisor(region).get(Api.base(region) + "/accounts").then().body("total", equalTo(0));
    }

    @Test
    void anotherRegionsSupervisorCannotManageTheseAccounts() {
        String region = Regions.fresh();
        String other = Regions.fresh();
        String id = SignIn.account(region, SignIn.username("mine"), "viewer", null);
        // through the other region's path the account does not exist; through this region's path the token is refused
        Api.supervisor(other).post(Api.base(other) + "/accounts/" + id + "/deactivation").then().statusCode(404);
        Api.supervisor(other).post(Api.base(other) + "/accounts/" + id + "/password-reset").then().statusCode(404);
        Api.supervisor(other).get(Api.base(other) + "/accounts/" + id).then().statusCode(404);
        Api.supervisor(other).post(Api.base(region) + "/accounts/" + id + "/deactivation").then().statusCode(403);
        Api.supervisor(other).get(Api.base(region) + "/accounts").then().statusCode(403);
        // nor can the region's own viewers or units
        Api.as(Tokens.viewer(region)).get(Api.base(region) + "/accounts").then().statusCode(403);
        Api.as(Tokens.unit(region, java.util.UUID.randomUUID().toString())).post(Api.base(region) + "/accounts/" + id + "/deactivation")
                .then().statusCode(403);
        Api.supervisor(region).get(Api.base(region) + "/accounts/" + id).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void aSupervisorCannotDeactivateItself() {
        String region = Regions.fresh();
        String user = SignIn.username("self");
        String id = SignIn.account(region, user, "supervisor", null);
        String token = SignIn.login(SignIn.freshAddress(), user, SignIn.PASSWORD).statusCode(200).extract().path("accessToken");
        SignIn.bearer(token).post(Api.base(region) + "/accounts/" + id + "/deactivation").then().statusCode(409);
    }

    private static io.restassured.response.ValidatableResponse post(String region, Map<String, Object> body) {
        return Api.supervisor(region).contentType("application/json").body(body).post(Api.base(region) + "/accounts").then();
    }
}
