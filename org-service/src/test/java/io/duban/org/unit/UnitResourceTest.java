package io.duban.org.unit;

import static io.duban.org.Api.base;
import static io.duban.org.Api.supervisor;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.org.Api;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class UnitResourceTest {

    private static Map<String, Object> unit(String name, String kind) {
        return Map.of("name", name, "kind", kind, "aliases", List.of("别名" + name),
                "contacts", List.of(Map.of("name", "张三", "phone", "0533-3241234", "email", "zs@example.cn")));
    }

    @Test
    void createAnswers201WithLocationAndETagAndReadsBack() {
        String region = Regions.fresh();
        Response created = supervisor(region).contentType(ContentType.JSON).body(unit("县财政局", "DEPARTMENT"))
                .post(base(region) + "/units");
        created.then().statusCode(201)
                .header("Location", endsWith(base(region) + "/units/" + created.path("id")))
                .header("ETag", equalTo("\"0\""))
                .body("name", equalTo("县财政局")).body("kind", equalTo("DEPARTMENT")).body("active", equalTo(true))
                .body("aliases", equalTo(List.of("别名县财政局"))).body("contacts[0].phone", equalTo("0533-3241234"));
        Api.as(Tokens.viewer(region)).get(base(region) + "/units/" + created.path("id")).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("contacts[0].name", equalTo("张三"));
    }

    @Test
    void listFiltersByKindAndQueryAndPagesInNameOrder() {
        String region = Regions.fresh();
        Api.importDemoUnits(region);
        supervisor(region).queryParam("kind", "SUBDISTRICT").get(base(region) + "/units").then().statusCode(200)
                .body("total", equalTo(2)).body("items.name", containsInAnyOrder("南麻街道", "历山街道"));
        supervisor(region).queryParam("q", "发改").get(base(region) + "/units").then()
                .body("total", equalTo(1)).body("items[0].name", equalTo("县发展改革局"))
                .body("items[0].aliases", hasItem("县发改局")).body("items[0].id", notNullValue());
        List<String> all = supervisor(region).queryParam("size", 500).get(base(region) + "/units").then()
                .body("total", equalTo(59)).extract().jsonPath().getList("items.name");
        List<String> paged = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            paged.addAll(supervisor(region).queryParam("size", 25).queryParam("page", page).get(base(region) + "/units")
                    .then().body("total", equalTo(59)).body("page", equalTo(page)).extract().jsonPath().getList("items.name"));
        }
        assertEquals(all, paged);
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(String::compareTo);
        assertEquals(sorted, all, "ordered by name");
    }

    @Test
    void putNeedsIfMatch() {
        String region = Regions.fresh();
        String id = Api.createUnit(region, "县财政局", "DEPARTMENT");
        supervisor(region).contentType(ContentType.JSON).body(unit("县财政局", "DEPARTMENT"))
                .put(base(region) + "/units/" + id).then().statusCode(428).contentType("application/problem+json");
        supervisor(region).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(unit("县财政局", "DEPARTMENT"))
                .put(base(region) + "/units/" + id).then().statusCode(412);
        supervisor(region).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(unit("沂源县财政局", "DEPARTMENT"))
                .put(base(region) + "/units/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("沂源县财政局")).body("version", equalTo(1));
        supervisor(region).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(unit("县财政局", "DEPARTMENT"))
                .put(base(region) + "/units/" + id).then().statusCode(412);
    }

    @Test
    void concurrentPutsWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        String region = Regions.fresh();
        String id = Api.createUnit(region, "县财政局", "DEPARTMENT");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> puts = new ArrayList<>();
        for (String name : List.of("县财政局甲", "县财政局乙")) {
            puts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return supervisor(region).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                        .body(unit(name, "DEPARTMENT")).put(base(region) + "/units/" + id).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> f : puts) {
            statuses.add(f.get());
        }
        statuses.sort(Integer::compareTo);
        assertEquals(List.of(200, 412), statuses);
        supervisor(region).get(base(region) + "/units/" + id).then().body("version", equalTo(1));
    }

    @Test
    void deleteDeactivatesAndIsIdempotent() {
        String region = Regions.fresh();
        String id = Api.createUnit(region, "县财政局", "DEPARTMENT");
        supervisor(region).delete(base(region) + "/units/" + id).then().statusCode(204);
        supervisor(region).delete(base(region) + "/units/" + id).then().statusCode(204);
        supervisor(region).get(base(region) + "/units/" + id).then().statusCode(200).body("active", equalTo(false));
        supervisor(region).queryParam("active", "true").get(base(region) + "/units").then().body("total", equalTo(0));
        supervisor(region).queryParam("active", "false").get(base(region) + "/units").then().body("total", equalTo(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "1", "%E4%B8%AD"})
    void unknownOrMalformedIdsAre404(String id) {
        String region = Regions.fresh();
        supervisor(region).urlEncodingEnabled(false).get(base(region) + "/units/" + id).then()
                .statusCode(404).contentType("application/problem+json");
        supervisor(region).urlEncodingEnabled(false).delete(base(region) + "/units/" + id).then().statusCode(404);
        supervisor(region).urlEncodingEnabled(false).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(unit("县财政局", "DEPARTMENT")).put(base(region) + "/units/" + id).then().statusCode(404);
    }

    @Test
    void aNameOrAliasTakenByAnotherUnitIs409() {
        String region = Regions.fresh();
        Api.createUnit(region, "县财政局", "DEPARTMENT");
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "沂源县财政局", "kind", "DEPARTMENT"))
                .post(base(region) + "/units").then().statusCode(409).contentType("application/problem+json");
        supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "县审计局", "kind", "DEPARTMENT", "aliases", List.of("县财政局")))
                .post(base(region) + "/units").then().statusCode(409);
    }

    @Test
    void aParentMustExistAndMayNotBeADescendant() {
        String region = Regions.fresh();
        supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "县审计局", "kind", "DEPARTMENT", "parentId", "00000000-0000-0000-0000-000000000001"))
                .post(base(region) + "/units").then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        String parent = Api.createUnit(region, "县委宣传部", "PARTY");
        String child = supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", "新闻科", "kind", "PARTY", "parentId", parent))
                .post(base(region) + "/units").then().statusCode(201).body("parentId", equalTo(parent)).extract().path("id");
        supervisor(region).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("name", "县委宣传部", "kind", "PARTY", "parentId", child))
                .put(base(region) + "/units/" + parent).then().statusCode(400).body("errors[0].field", equalTo("parentId"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON       | {\"name\": \"县财政局\",                                         | -",
        "wrong type           | {\"name\": 12, \"kind\": \"DEPARTMENT\"}                        | name",
        "unknown kind         | {\"name\": \"县财政局\", \"kind\": \"BUREAU\"}                  | kind",
        "missing kind         | {\"name\": \"县财政局\"}                                        | kind",
        "blank name           | {\"name\": \" \", \"kind\": \"DEPARTMENT\"}                     | name",
        "aliases not a list   | {\"name\": \"县财政局\", \"kind\": \"DEPARTMENT\", \"aliases\": 3} | aliases",
        "bad parent uuid      | {\"name\": \"县财政局\", \"kind\": \"DEPARTMENT\", \"parentId\": \"x\"} | parentId",
        "bad e-mail           | {\"name\": \"县财政局\", \"kind\": \"DEPARTMENT\", \"contacts\": [{\"name\": \"张三\", \"email\": \"nope\"}]} | contacts.email[0]",
        "bad phone            | {\"name\": \"县财政局\", \"kind\": \"DEPARTMENT\", \"contacts\": [{\"name\": \"张三\", \"phone\": \"call me\"}]} | contacts.phone[0]",
        "contact without name | {\"name\": \"县财政局\", \"kind\": \"DEPARTMENT\", \"contacts\": [{\"phone\": \"110\"}]} | contacts.name[0]",
        "active not boolean   | {\"name\": \"县财政局\", \"kind\": \"DEPARTMENT\", \"active\": \"yes\"} | active",
        "not an object        | [1, 2]                                                         | body",
    })
    void badBodiesAre400NotServerErrors(String what, String body, String field) {
        String region = Regions.fresh();
        var response = supervisor(region).contentType(ContentType.JSON).body(body.strip()).post(base(region) + "/units").then()
                .statusCode(400).contentType("application/problem+json");
        if (!field.equals("-")) {
            // service-common names a list element's field "contacts.email[0]" (index after the leaf)
            response.body("errors.field", hasItem(field));
        }
        supervisor(region).get(base(region) + "/units").then().body("total", equalTo(0));
    }

    @Test
    void overLongNamesAndTooManyAliasesAre400() {
        String region = Regions.fresh();
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "局".repeat(101), "kind", "DEPARTMENT"))
                .post(base(region) + "/units").then().statusCode(400).body("errors.field", hasItem("name"));
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            aliases.add("别名" + i);
        }
        supervisor(region).contentType(ContentType.JSON).body(Map.of("name", "县财政局", "kind", "DEPARTMENT", "aliases", aliases))
                .post(base(region) + "/units").then().statusCode(400).body("errors.field", hasItem("aliases"));
    }

    @ParameterizedTest
    @CsvSource({"page,0", "page,-1", "size,0", "size,501", "page,abc", "size,1e3", "kind,BUREAU", "active,maybe",
        "q,局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局局"})
    void badQueryParametersAre400(String param, String value) {
        String region = Regions.fresh();
        supervisor(region).queryParam(param, value).get(base(region) + "/units").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
