package io.duban.org.responsibility;

import static io.duban.org.Api.base;
import static io.duban.org.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.duban.org.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The 责任单位 examples over HTTP, against a region loaded with the demo units. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsibilityResourceTest {

    private String region;

    // Once per class, but in @BeforeEach: rest-assured learns the random test port only per test.
    @BeforeEach
    void loadDemoUnitsOnce() {
        if (region == null) {
            region = Regions.fresh();
            Api.importDemoUnits(region);
        }
    }

    private io.restassured.response.ValidatableResponse resolve(String text) {
        return Api.as(Tokens.system(region)).contentType(ContentType.JSON).body(Map.of("text", text))
                .post(base(region) + "/responsibility/resolve").then().statusCode(200);
    }

    @Test
    void leadAndCoWithIdsNamesAndMatchedText() {
        String lead = Api.unitId(region, "县发展改革局");
        resolve("县发改局、县教体局")
                .body("assignments", hasSize(2))
                .body("assignments[0].unitId", equalTo(lead))
                .body("assignments[0].unitName", equalTo("县发展改革局"))
                .body("assignments[0].role", equalTo("LEAD"))
                .body("assignments[0].matchedText", equalTo("县发改局"))
                .body("assignments[1].unitName", equalTo("县教育和体育局"))
                .body("assignments[1].role", equalTo("CO"))
                .body("unresolved", hasSize(0));
    }

    @Test
    void leadWithUndesignatedGroups() {
        resolve("县司法局牵头，县政府重大行政决策承办单位、县政府行政规范性文件实施部门和部门行政规范性文件起草部门具体落实")
                .body("assignments", hasSize(1))
                .body("assignments[0].unitName", equalTo("县司法局"))
                .body("assignments[0].role", equalTo("LEAD"))
                .body("unresolved.reason", equalTo(List.of("UNDESIGNATED_GROUP", "UNDESIGNATED_GROUP", "UNDESIGNATED_GROUP")))
                .body("unresolved[0].suggestions", hasSize(0));
    }

    @Test
    void townsAndAnUndesignatedGroup() {
        resolve("各镇（街道），相关领域责任单位")
                .body("assignments", hasSize(12))
                .body("assignments.role", not(hasItem("LEAD")))
                .body("unresolved[0].text", equalTo("相关领域责任单位"));
    }

    @Test
    void exclusionGroupAndCountyPrefix() {
        resolve("除县司法局、县信访局、县投资促进发展中心、县供销社外的部门、单位")
                .body("assignments", hasSize(39))
                .body("assignments.unitName", not(hasItem("县司法局")))
                .body("assignments.unitName", not(hasItem("县委宣传部")));
        resolve("沂源县财政局").body("assignments[0].unitName", equalTo("县财政局"));
        resolve("各级各部门单位").body("assignments", hasSize(43));
    }

    @Test
    void typoIsUnknownWithSuggestions() {
        resolve("县政府和审批服务局")
                .body("assignments", hasSize(0))
                .body("unresolved[0].reason", equalTo("UNKNOWN_UNIT"))
                .body("unresolved[0].suggestions[0]", equalTo("县行政审批服务局"));
    }

    @Test
    void batchAnswersInTheSameOrder() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(i % 2 == 0 ? "县财政局" : "县商务局、县文化和旅游局");
        }
        texts.add("");
        Api.as(Tokens.system(region)).contentType(ContentType.JSON).body(Map.of("texts", texts))
                .post(base(region) + "/responsibility/resolve-batch").then().statusCode(200)
                .body("results", hasSize(201))
                .body("results[0].assignments[0].unitName", equalTo("县财政局"))
                .body("results[1].assignments[1].unitName", equalTo("县文化和旅游局"))
                .body("results[199].assignments[0].role", equalTo("LEAD"))
                .body("results[200].assignments", hasSize(0))
                .body("results[200].unresolved", hasSize(0));
    }

    @Test
    void batchIsCapped() {
        List<String> texts = Collections.nCopies(20_001, "县");
        supervisor(region).contentType(ContentType.JSON).body(Map.of("texts", texts))
                .post(base(region) + "/responsibility/resolve-batch").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void badBodiesAre400() {
        String path = base(region) + "/responsibility/resolve";
        supervisor(region).contentType(ContentType.JSON).body("{}").post(path).then().statusCode(400)
                .body("errors.field", hasItem("text"));
        supervisor(region).contentType(ContentType.JSON).body("{\"text\": 5}").post(path).then().statusCode(400);
        supervisor(region).contentType(ContentType.JSON).body("{\"text\": ").post(path).then().statusCode(400);
        supervisor(region).contentType(ContentType.JSON).body(Map.of("text", "局".repeat(2001))).post(path).then()
                .statusCode(400).body("errors.field", hasItem("text"));
        String batch = base(region) + "/responsibility/resolve-batch";
        supervisor(region).contentType(ContentType.JSON).body("{\"texts\": [\"县财政局\", null]}").post(batch).then()
                .statusCode(400).body("errors.field", hasItem("texts[1]"));
        supervisor(region).contentType(ContentType.JSON).body("{\"texts\": \"县财政局\"}").post(batch).then().statusCode(400);
        supervisor(region).contentType(ContentType.JSON).body("{}").post(batch).then().statusCode(400);
    }
}
