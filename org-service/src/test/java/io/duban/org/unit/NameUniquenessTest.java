package io.duban.org.unit;

import static io.duban.org.Api.base;
import static io.duban.org.Api.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A name (compared as the resolver compares it) belongs to one unit or group of a region, even under races. */
@QuarkusTest
class NameUniquenessTest {

    private static Map<String, Object> unit(String name, String... aliases) {
        return Map.of("name", name, "kind", "DEPARTMENT", "aliases", List.of(aliases));
    }

    private static int createUnit(String region, Map<String, Object> body) {
        return supervisor(region).contentType(ContentType.JSON).body(body).post(base(region) + "/units")
                .then().extract().statusCode();
    }

    private static int createGroup(String region, String name) {
        return supervisor(region).contentType(ContentType.JSON)
                .body(Map.of("name", name, "aliases", List.of(), "kinds", List.of("DEPARTMENT")))
                .post(base(region) + "/groups").then().extract().statusCode();
    }

    /** Starts all calls at once and returns their status codes. */
    private static List<Integer> race(List<Supplier<Integer>> calls) throws Exception {
        return io.duban.testing.Race.run(calls);
    }

    private static void exactlyOneCreated(List<Integer> codes) {
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
        assertEquals(codes.size() - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
    }

    @Test
    void tenConcurrentSpellingsOfOneNameCreateOneUnit() throws Exception {
        String region = Regions.fresh();
        String[] spellings = {"县并发X局", "沂源县并发X局", "县并发Ｘ局", "县 并发X局", "沂源县并发Ｘ局"};
        List<Supplier<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String name = spellings[i % spellings.length];
            calls.add(() -> createUnit(region, unit(name)));
        }
        exactlyOneCreated(race(calls));
        supervisor(region).get(base(region) + "/units").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void twoUnitsTakingEachOthersNameAsAliasCannotBothSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            String region = Regions.fresh();
            exactlyOneCreated(race(List.of(() -> createUnit(region, unit("甲局", "乙局")),
                    () -> createUnit(region, unit("乙局", "甲局")))));
        }
    }

    @Test
    void aGroupAndAUnitOfOneNameConflictInEitherOrderAndUnderARace() throws Exception {
        String region = Regions.fresh();
        assertEquals(201, createGroup(region, "县重点部门"));
        assertEquals(409, createUnit(region, unit("县重点部门")));
        assertEquals(409, createUnit(region, unit("县另一部门", "沂源县重点部门")));
        for (int round = 0; round < 5; round++) {
            String name = "县并发分组" + round;
            exactlyOneCreated(race(List.of(() -> createGroup(region, name), () -> createUnit(region, unit(name)))));
        }
    }

    @Test
    void renamingAUnitFreesItsOldName() {
        String region = Regions.fresh();
        String id = supervisor(region).contentType(ContentType.JSON).body(unit("县旧名局")).post(base(region) + "/units")
                .then().statusCode(201).extract().path("id");
        supervisor(region).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(unit("县新名局"))
                .put(base(region) + "/units/" + id).then().statusCode(200);
        assertEquals(201, createUnit(region, unit("县旧名局")));
        assertEquals(409, createUnit(region, unit("沂源县新名局")));
    }
}
