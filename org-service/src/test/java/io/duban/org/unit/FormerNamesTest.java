package io.duban.org.unit;

import io.duban.org.directory.FormerName;
import static io.duban.org.Api.base;
import static io.duban.org.Api.supervisor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.org.Api;
import io.duban.testing.Regions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Units renamed over the years: former names from the unit TSV resolve for plans of the years they were used. */
@QuarkusTest
class FormerNamesTest {

    private static final String TSV = UnitTable.HEADER_WITH_FORMER_NAMES + "\n"
            + "县卫生健康局\tDEPARTMENT\t县卫健局\t\t县卫生和计划生育局@2019-03-01\n"
            + "县市场监管局\tDEPARTMENT\t\t\t县食品药品监督管理局@2019-03-01|县工商行政管理局@2019-03-01\n"
            + "县司法局\tDEPARTMENT\t\t\t县法制办@2019-02-28\n"
            + "县财政局\tDEPARTMENT\t\t\t\n";

    @Test
    void formerNamesAreImportedAndShown() {
        String region = Regions.fresh();
        Api.importTsv(region, TSV).statusCode(200).body("created", equalTo(4));
        String health = Api.unitId(region, "县卫生健康局");
        supervisor(region).get(base(region) + "/units/" + health).then().statusCode(200)
                .body("formerNames", hasSize(1))
                .body("formerNames[0].name", equalTo("县卫生和计划生育局"))
                .body("formerNames[0].until", equalTo("2019-03-01"));
        Api.importTsv(region, TSV).statusCode(200).body("unchanged", equalTo(4));
    }

    @Test
    void aPlanOf2018ResolvesTheNamesOf2018AndSaysWhichFormerNameMatched() {
        String region = Regions.fresh();
        Api.importTsv(region, TSV).statusCode(200);
        String text = "县卫生和计划生育局牵头，县食品药品监督管理局、县法制办、县财政局配合";
        var in2018 = supervisor(region).contentType(ContentType.JSON).body(Map.of("texts", List.of(text), "year", 2018))
                .post(base(region) + "/responsibility/resolve-batch").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("县卫生健康局", "县市场监管局", "县司法局", "县财政局"), in2018.getList("results[0].assignments.unitName"));
        assertEquals(List.of("LEAD", "CO", "CO", "CO"), in2018.getList("results[0].assignments.role"));
        assertEquals("县卫生和计划生育局", in2018.getString("results[0].assignments[0].formerName"));
        assertEquals("县食品药品监督管理局", in2018.getString("results[0].assignments[1].formerName"));
        assertEquals(null, in2018.getString("results[0].assignments[3].formerName"));
        assertEquals(List.of(), in2018.getList("results[0].unresolved"));

        // in 2020 those names were gone: unknown, with today's unit among the suggestions
        var in2020 = supervisor(region).contentType(ContentType.JSON).body(Map.of("texts", List.of(text), "year", 2020))
                .post(base(region) + "/responsibility/resolve-batch").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("县财政局"), in2020.getList("results[0].assignments.unitName"));
        assertEquals(3, in2020.getList("results[0].unresolved").size());
        // without a year, today's names only
        supervisor(region).contentType(ContentType.JSON).body(Map.of("text", "县法制办"))
                .post(base(region) + "/responsibility/resolve").then().statusCode(200).body("assignments", hasSize(0));
        // 2019: 县法制办 was used until 2019-02-28, so a 2019 plan may still say it
        supervisor(region).contentType(ContentType.JSON).body(Map.of("text", "县法制办", "year", 2019))
                .post(base(region) + "/responsibility/resolve").then().statusCode(200)
                .body("assignments[0].unitName", equalTo("县司法局"))
                .body("assignments[0].formerName", equalTo("县法制办"));
    }

    @Test
    void aBadFormerNameIsA400NamingTheLine() {
        String region = Regions.fresh();
        Api.importTsv(region, UnitTable.HEADER_WITH_FORMER_NAMES + "\n县卫生健康局\tDEPARTMENT\t\t\t县卫生和计划生育局\n")
                .statusCode(400).body("line", equalTo(2));
        supervisor(region).contentType(ContentType.JSON).body(Map.of("text", "县法制办", "year", 1800))
                .post(base(region) + "/responsibility/resolve").then().statusCode(400);
    }

    @Test
    void formatRoundTrips() {
        List<FormerName> names = List.of(new FormerName("县法制办", LocalDate.of(2019, 2, 28)),
                new FormerName("县卫生和计划生育局", LocalDate.of(2019, 3, 1)));
        assertEquals(names, FormerName.parse(FormerName.format(names)));
        assertThrows(IllegalArgumentException.class, () -> FormerName.parse("县法制办@2019-13-01"));
    }
}
