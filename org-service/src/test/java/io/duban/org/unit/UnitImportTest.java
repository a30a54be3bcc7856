package io.duban.org.unit;

import static io.duban.org.Api.base;
import static io.duban.org.Api.importTsv;
import static io.duban.org.Api.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.duban.org.Api;
import io.duban.testing.Fixtures;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class UnitImportTest {

    private static final String HEADER = "name\tkind\taliases\tparent\n";

    @Test
    void importsTheDemoUnitsAndReimportChangesNothing() {
        String region = Regions.fresh();
        String tsv = Fixtures.text(Fixtures.UNITS_TSV);
        importTsv(region, tsv).statusCode(200)
                .body("created", equalTo(59)).body("updated", equalTo(0)).body("unchanged", equalTo(0));
        importTsv(region, tsv).statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(59));
        supervisor(region).queryParam("size", 1).get(base(region) + "/units").then()
                .statusCode(200).body("total", equalTo(59));
    }

    @Test
    void aFileSavedAsGbkOnChineseWindowsImportsTheSameNames() {
        String region = Regions.fresh();
        byte[] gbk = (HEADER + "县财政局\tDEPARTMENT\t县财政|沂源县财政局\t\n").getBytes(java.nio.charset.Charset.forName("GB18030"));
        supervisor(region).contentType("text/tab-separated-values").body(gbk).post(base(region) + "/units/import")
                .then().statusCode(200).body("created", equalTo(1));
        supervisor(region).get(base(region) + "/units/" + Api.unitId(region, "县财政局")).then().statusCode(200)
                .body("aliases", equalTo(Arrays.asList("县财政", "沂源县财政局")));
    }

    @Test
    void upsertsByNameAndCountsUpdates() {
        String region = Regions.fresh();
        importTsv(region, HEADER + "县财政局\tDEPARTMENT\t\t\n县审计局\tDEPARTMENT\t\t\n").statusCode(200)
                .body("created", equalTo(2));
        importTsv(region, HEADER + "县财政局\tDEPARTMENT\t县财政|沂源县财政局\t\n县审计局\tDEPARTMENT\t\t\n县统计局\tDEPARTMENT\t\t\n")
                .statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        String id = Api.unitId(region, "县财政局");
        supervisor(region).get(base(region) + "/units/" + id).then().statusCode(200)
                .body("aliases", equalTo(Arrays.asList("县财政", "沂源县财政局")));
    }

    @Test
    void parentMayComeLaterInTheFileOrAlreadyExist() {
        String region = Regions.fresh();
        importTsv(region, HEADER + "县委宣传部新闻科\tPARTY\t\t县委宣传部\n县委宣传部\tPARTY\t\t\n").statusCode(200)
                .body("created", equalTo(2));
        importTsv(region, HEADER + "县委宣传部网评科\tPARTY\t\t县委宣传部\n").statusCode(200).body("created", equalTo(1));
        String parent = Api.unitId(region, "县委宣传部");
        supervisor(region).get(base(region) + "/units/" + Api.unitId(region, "县委宣传部新闻科")).then()
                .body("parentId", equalTo(parent));
        supervisor(region).get(base(region) + "/units/" + Api.unitId(region, "县委宣传部网评科")).then()
                .body("parentId", equalTo(parent));
        supervisor(region).get(base(region) + "/units/" + parent).then().body("parentId", nullValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong header        | name\\tkind\\taliases\\n县财政局\\tDEPARTMENT\\t\\n                                   | line 1",
        "unknown kind        | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t\\n县审计局\\tBUREAU\\t\\t\\n    | line 3",
        "duplicate names     | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t\\n县财政局\\tDEPARTMENT\\t\\t\\n | line 3",
        "alias clash         | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t\\n县审计局\\tDEPARTMENT\\t县财政局\\t\\n | line 3",
        "missing parent      | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t县政府\\n                     | line 2",
        "empty name          | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t\\n\\tDEPARTMENT\\t\\t\\n       | line 3",
        "own parent          | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t县财政局\\n                   | line 2",
        "parent cycle        | name\\tkind\\taliases\\tparent\\n甲\\tDEPARTMENT\\t\\t乙\\n乙\\tDEPARTMENT\\t\\t甲\\n          | line 2",
        "too many columns    | name\\tkind\\taliases\\tparent\\n县财政局\\tDEPARTMENT\\t\\t\\tx\\n                     | line 2",
        "over-long name      | name\\tkind\\taliases\\tparent\\n县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局县财政局\\tDEPARTMENT\\t\\t\\n | line 2",
    })
    void malformedFilesAreRejectedNamingTheLineAndImportNothing(String what, String tsv, String line) {
        String region = Regions.fresh();
        importTsv(region, tsv.strip().replace("\\t", "\t").replace("\\n", "\n"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(line))
                .body("line", equalTo(Integer.parseInt(line.substring(5))))
                .body("detail", containsString("未导入"));
        supervisor(region).get(base(region) + "/units").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAliasClashingWithAnExistingUnitIsRejectedAndNothingChanges() {
        String region = Regions.fresh();
        importTsv(region, HEADER + "县财政局\tDEPARTMENT\t\t\n").statusCode(200);
        importTsv(region, HEADER + "县统计局\tDEPARTMENT\t\t\n县审计局\tDEPARTMENT\t沂源县财政局\t\n").statusCode(400)
                .body("errors[0].field", equalTo("line 3"));
        supervisor(region).get(base(region) + "/units").then().body("total", equalTo(1));
    }

    @Test
    void aBodyOverFiveMegabytesIs413() {
        String region = Regions.fresh();
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, big, 0, header.length);
        supervisor(region).contentType(Api.TSV).body(big).post(base(region) + "/units/import").then()
                .statusCode(413).contentType("application/problem+json");
        supervisor(region).get(base(region) + "/units").then().body("total", equalTo(0));
    }

    @Test
    void anEmptyBodyIs400() {
        String region = Regions.fresh();
        supervisor(region).contentType(Api.TSV).body(new byte[0]).post(base(region) + "/units/import").then()
                .statusCode(400).body("errors[0].field", equalTo("line 1"));
    }

    @Test
    void anotherContentTypeIs415() {
        String region = Regions.fresh();
        supervisor(region).contentType("application/json").body("{}").post(base(region) + "/units/import").then()
                .statusCode(415).contentType("application/problem+json");
    }

    @Test
    void onlyTheSupervisorImports() {
        String region = Regions.fresh();
        Api.as(Tokens.viewer(region)).contentType(Api.TSV).body(HEADER + "县财政局\tDEPARTMENT\t\t\n")
                .post(base(region) + "/units/import").then().statusCode(403);
    }

    @Test
    void windowsLineEndingsAndABomAreAccepted() {
        String region = Regions.fresh();
        importTsv(region, "\uFEFFname\tkind\taliases\tparent\r\n县财政局\tDEPARTMENT\t\t\r\n").statusCode(200)
                .body("created", equalTo(1));
    }
}
