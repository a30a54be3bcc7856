package io.duban.report.assessment;

import static io.duban.report.support.Scenario.JIAOTI;
import static io.duban.report.support.Scenario.MINZHENG;
import static io.duban.report.support.Scenario.SHANGWU;
import static io.duban.report.support.Scenario.SHENPI;
import static io.duban.report.support.Scenario.SIFA;
import static io.duban.report.support.Scenario.WEIJIAN;
import static io.duban.report.support.Scenario.ZHENGFUBAN;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Scenario;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 2023 考核 of the Yiyuan scenario, default scheme, as of 2024-01-01 (the 19 units with an
 * assignment in the plan). Worked: 民政 due 4 (17 and 18 overdue, 12 and 16 done late) → task 100 − 2·2 − 1·2
 * = 94, findings 5 → 95, total 94.5; 卫健 (16 overdue; finding 3) 98/97 → 97.5; 教体 (37 overdue; the 1.5
 * finding corrected to 1) 98/99 → 98.5; 司法 (32 done only 2024-01-05 → overdue) 98/100 → 99, like 政府办
 * (31) and 审批服务局 (39); 商务 (17 done late; its finding withdrawn) 99/100 → 99.5; the twelve others 100.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class AssessmentTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    String region;
    String base;
    Scenario scenario;

    @BeforeEach
    void load() {
        region = Regions.fresh();
        base = "/api/v1/regions/" + region;
        scenario = Scenario.load(region);
    }

    @Test
    void scoresRanksAndPartsAreExact() {
        Api.as(Tokens.viewer(region)).get(base + "/assessments/2023").then().statusCode(200)
                .body("asOf", equalTo("2024-01-01")).body("finalized", equalTo(false))
                .body("scheme.inspectionWeight", equalTo(0.5f)).body("scheme.roleWeights.CO", equalTo(0.0f))
                .body("units", hasSize(19))
                .body("units.findAll { it.total == 100.0 }", hasSize(12))
                .body("units.findAll { it.total == 100.0 }.rank", org.hamcrest.Matchers.everyItem(equalTo(1)))
                .body("units[12..18].unitName", contains(SHANGWU, SIFA, ZHENGFUBAN, SHENPI, JIAOTI, WEIJIAN, MINZHENG))
                .body("units[12..18].rank", contains(13, 14, 14, 14, 17, 18, 19))
                .body("units[12..18].total", contains(99.5f, 99.0f, 99.0f, 99.0f, 98.5f, 97.5f, 94.5f))
                .body("units[18].task.due", equalTo(4)).body("units[18].task.doneLate", equalTo(2))
                .body("units[18].task.overdueOpen", equalTo(2)).body("units[18].task.deduction", equalTo(6.0f))
                .body("units[18].task.score", equalTo(94.0f)).body("units[18].inspection.points", equalTo(5))
                .body("units[18].inspection.score", equalTo(95.0f))
                .body("units[18].inspection.findings[0].source", equalTo("QUARTERLY_CHECK"))
                .body("units[16].inspection.points", equalTo(1)).body("units[16].task.due", equalTo(7))
                .body("units[12].inspection.findings", hasSize(0));
        // judged as of 12-31 the 年底前 items are not late yet: 政府办 scores 100
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-12-31").get(base + "/assessments/2023").then()
                .statusCode(200).body("units.find { it.unitName == '" + ZHENGFUBAN + "' }.total", equalTo(100.0f));
    }

    @Test
    void aSchemeIsValidatedAndUsed() {
        String url = base + "/assessment-scheme/2023";
        Api.as(Tokens.supervisor(region)).get(url).then().statusCode(200).header("ETag", equalTo("\"0\""))
                .body("base", equalTo(100.0f)).body("overdueOpenPenalty", equalTo(2.0f)).body("doneLatePenalty", equalTo(1.0f));
        Map<String, Object> bad = Map.of("base", 0, "overdueOpenPenalty", -1, "doneLatePenalty", 1,
                "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", -1, "OTHER", 1), "inspectionBase", 100,
                "inspectionWeight", 0.4);
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(bad).put(url).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("base", "overdueOpenPenalty", "inspectionWeight", "roleWeights.CO",
                        "roleWeights.OTHER"));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body("{\"base\": \"many\"}").put(url).then()
                .statusCode(400).contentType("application/problem+json");
        Api.as(Tokens.supervisor(region)).get(url).then().header("ETag", equalTo("\"0\""));

        Map<String, Object> heavier = Map.of("base", 100, "overdueOpenPenalty", 2, "doneLatePenalty", 1,
                "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", 0), "inspectionBase", 100, "inspectionWeight", 0.6);
        Api.as(Tokens.viewer(region)).contentType("application/json").body(heavier).put(url).then().statusCode(403);
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(heavier).put(url).then().statusCode(200)
                .header("ETag", equalTo("\"1\""));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(heavier).put(url).then().statusCode(428);
        Api.as(Tokens.supervisor(region)).get(base + "/assessments/2023").then().statusCode(200)
                .body("scheme.inspectionWeight", equalTo(0.6f))
                .body("units.find { it.unitName == '" + MINZHENG + "' }.total", equalTo(94.6f))
                .body("units.find { it.unitName == '" + JIAOTI + "' }.total", equalTo(98.6f));
    }

    @Test
    void theWorkbookHasRealNumbersTitlesFrozenHeadersAPrintSetupAndThreeSheets() throws Exception {
        byte[] xlsx = Api.as(Tokens.supervisor(region)).accept(XLSX).get(base + "/assessments/2023").then().statusCode(200)
                .contentType(XLSX).header("Content-Disposition", startsWith("attachment; filename=\"assessment-2023.xlsx\""))
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("汇总", "任务明细", "检查问题"),
                    List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
            Sheet summary = wb.getSheet("汇总");
            assertTrue(summary.getRow(0).getCell(0).getStringCellValue().startsWith("2023年度政务公开工作考核结果汇总（截至"),
                    summary.getRow(0).getCell(0).getStringCellValue());
            assertEquals("A1:M1", summary.getMergedRegion(0).formatAsString());
            assertEquals("综合得分", summary.getRow(1).getCell(11).getStringCellValue());
            assertNotNull(summary.getPaneInformation());
            assertEquals(2, summary.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(28 * 256, summary.getColumnWidth(1));
            assertEquals(2 + 19, summary.getPhysicalNumberOfRows());
            // printed: A4 landscape (13 columns, 144 characters wide), one page wide, title and header on every page
            assertEquals(PrintSetup.A4_PAPERSIZE, summary.getPrintSetup().getPaperSize());
            assertTrue(summary.getPrintSetup().getLandscape());
            assertTrue(summary.getFitToPage());
            assertEquals(1, summary.getPrintSetup().getFitWidth());
            assertEquals(0, summary.getPrintSetup().getFitHeight());
            assertEquals("1:2", summary.getRepeatingRows().formatAsString());
            assertEquals(BorderStyle.THIN, summary.getRow(2).getCell(1).getCellStyle().getBorderLeft());
            Row last = summary.getRow(20);
            assertEquals(MINZHENG, last.getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, last.getCell(0).getCellType());
            assertEquals(19.0, last.getCell(0).getNumericCellValue());
            assertEquals(94.0, last.getCell(8).getNumericCellValue());
            assertEquals(5.0, last.getCell(9).getNumericCellValue());
            assertEquals(94.5, last.getCell(11).getNumericCellValue());

            Sheet details = wb.getSheet("任务明细");
            assertEquals(2 + 23, details.getPhysicalNumberOfRows());
            assertEquals(2, details.getPaneInformation().getHorizontalSplitPosition());
            Sheet findings = wb.getSheet("检查问题");
            assertEquals(2 + 3, findings.getPhysicalNumberOfRows());
            assertEquals(CellType.NUMERIC, findings.getRow(2).getCell(4).getCellType());
            // 5 columns, 114 characters: still landscape; the title names the part
            assertTrue(findings.getRow(0).getCell(0).getStringCellValue().contains("检查发现问题"));
        }
    }

    @Test
    void csvCarriesAByteOrderMarkForExcel() {
        byte[] csv = Api.as(Tokens.supervisor(region)).accept("text/csv").get(base + "/assessments/2023").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertEquals("排名,单位,到期事项,按时办结,逾期办结,逾期未办结,未到期,任务扣分,任务得分,检查扣分,检查得分,综合得分,退回次数", lines[0]);
        assertEquals("19,县民政局,4,0,2,2,0,6.0,94.0,5.0,95.0,94.5,0", lines[19]);
        Api.as(Tokens.supervisor(region)).accept("application/pdf").get(base + "/assessments/2023").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void finalizingFreezesTheResult() {
        Api.as(Tokens.viewer(region)).post(base + "/assessments/2023/finalize").then().statusCode(403);
        Api.as(Tokens.unit(region, Scenario.id(MINZHENG))).post(base + "/assessments/2023/finalize").then().statusCode(403);
        Api.as(Tokens.unit(region, Scenario.id(MINZHENG))).get(base + "/assessments/2023").then().statusCode(403);
        Api.as(Tokens.unit(region, Scenario.id(MINZHENG))).get(base + "/assessment-scheme/2023").then().statusCode(403);
        Api.as(Tokens.supervisor(region)).post(base + "/assessments/2023/finalize").then().statusCode(200)
                .body("finalized", equalTo(true)).body("units[18].total", equalTo(94.5f));
        Api.as(Tokens.supervisor(region)).post(base + "/assessments/2023/finalize").then().statusCode(409);
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("base", 100, "overdueOpenPenalty", 2,
                        "doneLatePenalty", 1, "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", 0), "inspectionBase", 100,
                        "inspectionWeight", 0.7)).put(base + "/assessment-scheme/2023").then().statusCode(409);

        FeedScript.publish(scenario.plan.done(17, MINZHENG, "2023-09-05"));
        Scenario.syncAll();
        scenario.finding(MINZHENG, "2023-12-20", "SPECIAL_CHECK", "专项检查问题", "10", null);

        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2024-06-30").get(base + "/assessments/2023").then().statusCode(200)
                .body("finalized", equalTo(true)).body("asOf", equalTo("2024-01-01"))
                .body("units[18].unitName", equalTo(MINZHENG)).body("units[18].total", equalTo(94.5f))
                .body("units[18].inspection.findings", hasSize(1));
        byte[] xlsx = Api.as(Tokens.supervisor(region)).accept(XLSX).get(base + "/assessments/2023").then().statusCode(200)
                .header("Content-Disposition", containsString("filename*=UTF-8''2023")).extract().asByteArray();
        assertEquals(true, xlsx.length > 0);
    }

    @Test
    void findingsAreAppendOnlyAndUnitsReadTheirOwn() {
        String url = base + "/findings";
        Api.as(Tokens.supervisor(region)).queryParam("from", "2023-07-01").queryParam("to", "2023-09-30").get(url).then()
                .statusCode(200).body("items.unitName", contains(SHANGWU, SHANGWU, WEIJIAN))
                .body("items[0].voidedBy", equalTo(Api.as(Tokens.supervisor(region)).get(url).then().extract()
                        .path("items.find { it.voids != null && it.unitName == '" + SHANGWU + "' }.id")));
        String unit = Tokens.unit(region, Scenario.id(JIAOTI));
        Api.as(unit).get(url).then().statusCode(200).body("items.unitName", contains(JIAOTI, JIAOTI));
        Api.as(unit).queryParam("unitId", Scenario.id(MINZHENG)).get(url).then().statusCode(403);
        Api.as(unit).contentType("application/json").body(Map.of("unitId", Scenario.id(JIAOTI), "foundOn", "2023-10-01",
                "source", "DAILY_CHECK", "description", "x", "points", 1)).post(url).then().statusCode(403);
        Api.as(Tokens.viewer(region)).get(url).then().statusCode(200).body("items", hasSize(6)).body("total", equalTo(6));

        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("unitId", "u-nobody", "foundOn", "2023-10-01",
                "source", "DAILY_CHECK", "description", "x", "points", 1)).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("unitId", Scenario.id(JIAOTI),
                        "foundOn", "10/01", "source", "RUMOUR", "description", "", "points", -1)).post(url).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("foundOn", "source", "description", "points"));
        String voided = Api.as(Tokens.supervisor(region)).get(url).then().extract()
                .path("items.find { it.voidedBy != null && it.unitName == '" + JIAOTI + "' }.id");
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("unitId", Scenario.id(JIAOTI),
                "foundOn", "2023-11-11", "source", "DAILY_CHECK", "description", "再次更正", "points", 0, "voids", voided))
                .post(url).then().statusCode(409);
        Api.as(Tokens.viewer(region)).get(url).then().body("items", hasSize(6));
    }

    @Test
    void aFindingRetriedWithItsIdempotencyKeyIsRecordedOnce() {
        String url = base + "/findings";
        Map<String, Object> body = Map.of("unitId", Scenario.id(SIFA), "foundOn", "2023-10-09", "source", "DAILY_CHECK",
                "description", "行政执法公示信息缺项", "points", 1);
        String first = Api.as(Tokens.supervisor(region)).header("Idempotency-Key", "check-2023-10-09-1").contentType("application/json")
                .body(body).post(url).then().statusCode(201).extract().path("id");
        Api.as(Tokens.supervisor(region)).header("Idempotency-Key", "check-2023-10-09-1").contentType("application/json")
                .body(body).post(url).then().statusCode(201).body("id", equalTo(first));
        Api.as(Tokens.supervisor(region)).header("Idempotency-Key", "check-2023-10-09-1").contentType("application/json")
                .body(Map.of("unitId", Scenario.id(SIFA), "foundOn", "2023-10-09", "source", "DAILY_CHECK",
                        "description", "行政执法公示信息缺项", "points", 2)).post(url).then().statusCode(422)
                .contentType("application/problem+json");
        Api.as(Tokens.viewer(region)).queryParam("unitId", Scenario.id(SIFA)).get(url).then().body("items.id", contains(first));
    }
}
