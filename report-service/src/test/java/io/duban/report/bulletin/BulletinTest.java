package io.duban.report.bulletin;

import static io.duban.report.support.Scenario.CAIZHENG;
import static io.duban.report.support.Scenario.DASHUJU;
import static io.duban.report.support.Scenario.JIAOTI;
import static io.duban.report.support.Scenario.MINZHENG;
import static io.duban.report.support.Scenario.SHANGWU;
import static io.duban.report.support.Scenario.SHENPI;
import static io.duban.report.support.Scenario.SIFA;
import static io.duban.report.support.Scenario.WEIJIAN;
import static io.duban.report.support.Scenario.ZHENGFUBAN;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.report.document.DocxWriter;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Scenario;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quarterly 通报 on the Yiyuan plan ({@link Scenario}). Worked numbers:
 * Q3 2023 (as of 09-30): due 6 — task 17 for the four group units (due 09-06: 教体 09-05 on time, 商务 09-08
 * late by 2 working days, 卫健 09-06 on time, 民政 open → 16 working days late by 09-30, 09-29 being 中秋),
 * task 12 民政 (event 08-15 → due 09-12, done 10-10, unknown as of 09-30 → overdue 12), task 27 司法 (event
 * 08-21 → due 09-18, done that day). On time 3, late 1, overdue 2, rate 0.5; Q2 had nothing due.
 * Q4 2023 (as of 12-31): due 17 — tasks 16 and 18 (10-31) × 4 units, task 10 教体 (event 09-25 → 10-27),
 * 8 年底前 tasks (12-31). On time 10, late 1 (16 民政), overdue 2 (16 卫健, 18 民政, 43 working days each),
 * pending 4 (31 政府办, 32 司法 done only 2024-01-05, 37 教体, 39 审批服务局: due 12-31, not late as of 12-31);
 * rate 10/13 = 0.7692, +0.2692 on Q3.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class BulletinTest {

    String region;
    String base;
    Scenario scenario;

    @BeforeEach
    void load() {
        region = Regions.fresh();
        base = "/api/v1/regions/" + region;
        scenario = Scenario.load(region);
    }

    ExtractableResponse<Response> create(int quarter) {
        return Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("year", 2023, "quarter", quarter))
                .post(base + "/bulletins").then().statusCode(201).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("DRAFT")).extract();
    }

    @Test
    void thirdQuarterNumbersAreExact() {
        String id = create(3).path("id");
        Api.as(Tokens.viewer(region)).get(base + "/bulletins/" + id).then().statusCode(200)
                .body("content.title", equalTo("沂源县2023年第三季度政务公开重点工作落实情况通报"))
                .body("asOf", equalTo("2023-09-30"))
                .body("content.overall.due", equalTo(6)).body("content.overall.onTime", equalTo(3))
                .body("content.overall.late", equalTo(1)).body("content.overall.overdue", equalTo(2))
                .body("content.overall.pending", equalTo(0)).body("content.overall.onTimeRate", equalTo(0.5f))
                .body("content.previous.quarter", equalTo(2)).body("content.previous.asOf", equalTo("2023-06-30"))
                .body("content.previous.totals.due", equalTo(0)).body("content.change.due", equalTo(6))
                .body("content.change.onTimeRate", nullValue())
                .body("content.units.unitName", contains(WEIJIAN, SIFA, JIAOTI, SHANGWU, MINZHENG))
                .body("content.units.rank", contains(1, 1, 1, 4, 5))
                .body("content.units[4].due", equalTo(2)).body("content.units[4].overdue", equalTo(2))
                .body("content.units[4].onTimeRate", equalTo(0.0f))
                .body("content.lateItems.unitName", contains(MINZHENG, MINZHENG, SHANGWU))
                .body("content.lateItems.taskSeq", contains(17, 12, 17))
                .body("content.lateItems.workdaysLate", contains(16, 12, 2))
                .body("content.lateItems.status", contains("OVERDUE", "OVERDUE", "DONE_LATE"))
                .body("content.lateItems[0].dueOn", equalTo("2023-09-06"))
                .body("content.lateItems[2].completedOn", equalTo("2023-09-08"))
                // 商务局's finding was withdrawn by a 0-point correction: only 卫健's counts
                .body("content.findings.unitName", contains(WEIJIAN)).body("content.findings[0].points", equalTo(3))
                .body("content.praised.unitName", contains(SIFA, JIAOTI))
                .body("content.criticized.unitName", contains(MINZHENG))
                .body("content.criticized[0].overdue", equalTo(2)).body("content.criticized[0].maxWorkdaysLate", equalTo(16))
                .body("nextSteps", containsString("被通报批评的单位"));
    }

    @Test
    void fourthQuarterNumbersAreExactAndCompareWithTheThird() {
        String id = create(4).path("id");
        Api.as(Tokens.supervisor(region)).get(base + "/bulletins/" + id).then().statusCode(200)
                .body("asOf", equalTo("2023-12-31"))
                .body("content.overall.due", equalTo(17)).body("content.overall.onTime", equalTo(10))
                .body("content.overall.late", equalTo(1)).body("content.overall.overdue", equalTo(2))
                .body("content.overall.pending", equalTo(4)).body("content.overall.onTimeRate", equalTo(0.7692f))
                .body("content.previous.totals.due", equalTo(6)).body("content.previous.totals.onTimeRate", equalTo(0.5f))
                .body("content.change.due", equalTo(11)).body("content.change.onTime", equalTo(7))
                .body("content.change.overdue", equalTo(0)).body("content.change.onTimeRate", equalTo(0.2692f))
                .body("content.units.unitName", contains(SHANGWU, DASHUJU, JIAOTI, CAIZHENG, WEIJIAN, MINZHENG,
                        SIFA, ZHENGFUBAN, SHENPI))
                .body("content.units.rank", contains(1, 1, 1, 1, 5, 6, 7, 7, 7))
                .body("content.units[2].due", equalTo(6)).body("content.units[2].pending", equalTo(1))
                .body("content.units[6].onTimeRate", nullValue())
                .body("content.lateItems.unitName", contains(WEIJIAN, MINZHENG, MINZHENG))
                .body("content.lateItems.taskSeq", contains(16, 18, 16))
                .body("content.lateItems.workdaysLate", contains(43, 43, 3))
                .body("content.findings.unitName", contains(MINZHENG, JIAOTI))
                .body("content.findings.points", contains(5, 1))
                .body("content.praised.unitName", contains(SHANGWU, DASHUJU, CAIZHENG))
                .body("content.criticized.unitName", contains(WEIJIAN, MINZHENG));
    }

    @Test
    void theWordFileIsAGovernmentDocumentWithTheSameNumbers() throws Exception {
        String id = create(3).path("id");
        byte[] docx = Api.as(Tokens.supervisor(region)).accept("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .get(base + "/bulletins/" + id).then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
                .header("Content-Disposition", startsWith("attachment; filename=\"bulletin-2023-Q3.docx\"; filename*=UTF-8''"))
                .header("Content-Disposition", containsString("%E6%B2%82%E6%BA%90%E5%8E%BF")) // 沂源县
                .extract().asByteArray();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph title = d.getParagraphs().get(0);
            assertEquals("沂源县2023年第三季度政务公开重点工作落实情况通报", title.getText());
            assertEquals(DocxWriter.TITLE_FONT, title.getRuns().get(0).getFontFamily());
            assertEquals(22.0, title.getRuns().get(0).getFontSizeAsDouble());
            assertEquals(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER, title.getAlignment());
            XWPFParagraph heading = d.getParagraphs().stream().filter(p -> p.getText().equals("一、总体情况")).findFirst().orElseThrow();
            assertEquals(DocxWriter.H1_FONT, heading.getRuns().get(0).getFontFamily());
            XWPFParagraph overall = d.getParagraphs().get(d.getParagraphs().indexOf(heading) + 1);
            assertTrue(overall.getText().contains("本季度到期应办事项6项，其中按时办结3项，逾期办结1项，逾期未办结2项"), overall.getText());
            assertTrue(overall.getText().contains("按时办结率50.00%"), overall.getText());
            assertEquals(DocxWriter.BODY_FONT, overall.getRuns().get(0).getFontFamily());
            assertEquals(16.0, overall.getRuns().get(0).getFontSizeAsDouble());

            List<XWPFTable> tables = d.getTables();
            XWPFTable units = tables.get(0);
            assertEquals(List.of("排名", "单位", "到期事项", "按时办结", "逾期办结", "逾期未办结", "按时办结率", "退回次数"),
                    units.getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
            assertTrue(units.getRow(0).isRepeatHeader(), "header row repeats on every page");
            assertEquals(1 + 5 + 1, units.getNumberOfRows());
            assertEquals(List.of("合计", "", "6", "3", "1", "2", "50.00%", "0"),
                    units.getRow(6).getTableCells().stream().map(c -> c.getText()).toList());
            assertEquals(List.of("5", MINZHENG, "2", "0", "0", "2", "0.00%", "0"),
                    units.getRow(5).getTableCells().stream().map(c -> c.getText()).toList());
            XWPFTable late = tables.get(1);
            assertEquals(1 + 3, late.getNumberOfRows());
            assertEquals("逾期未办结", late.getRow(1).getCell(6).getText());
            assertTrue(late.getRow(0).isRepeatHeader());
            assertEquals(org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType.SINGLE, units.getInsideHBorderType());

            var sect = d.getDocument().getBody().getSectPr();
            assertEquals(11906, ((java.math.BigInteger) sect.getPgSz().getW()).intValue());
            assertEquals(Math.round(37 * 1440 / 25.4), ((java.math.BigInteger) sect.getPgMar().getTop()).intValue());
            assertEquals(Math.round(28 * 1440 / 25.4), ((java.math.BigInteger) sect.getPgMar().getLeft()).intValue());
            String footer = d.getFooterList().get(0)._getHdrFtr().xmlText();
            assertTrue(footer.contains("PAGE") && footer.contains("— ") && footer.contains(" —"), footer);

            List<XWPFParagraph> ps = d.getParagraphs();
            assertEquals("沂源县人民政府办公室", ps.get(ps.size() - 2).getText());
            assertTrue(ps.get(ps.size() - 1).getText().matches("二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日"));
            assertEquals(org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT, ps.get(ps.size() - 1).getAlignment());
        }
    }

    @Test
    void theHtmlPageEscapesUserTextAndUnknownFormatsAre406() {
        String id = create(4).path("id");
        String html = Api.as(Tokens.supervisor(region)).accept("text/html").get(base + "/bulletins/" + id).then()
                .statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<h1>沂源县2023年第四季度政务公开重点工作落实情况通报</h1>"));
        assertTrue(html.contains("缺少 &lt;保障对象&gt; &amp; 标准说明"), "finding text is escaped");
        assertTrue(!html.contains("<保障对象>"));
        assertTrue(html.contains("<thead>"));
        Api.as(Tokens.supervisor(region)).accept("image/png").get(base + "/bulletins/" + id).then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void aPublishedBulletinNeverChanges() {
        ExtractableResponse<Response> created = create(3);
        String id = created.path("id");
        String draft = Api.as(Tokens.supervisor(region)).get(base + "/bulletins/" + id).then().extract().path("content").toString();
        Api.as(Tokens.supervisor(region)).post(base + "/bulletins/" + id + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedAt", not(nullValue()));
        Api.as(Tokens.supervisor(region)).post(base + "/bulletins/" + id + "/publish").then().statusCode(409)
                .contentType("application/problem+json");
        Api.as(Tokens.supervisor(region)).header("If-Match", "\"2\"").contentType("application/json")
                .body(Map.of("nextSteps", "改")).put(base + "/bulletins/" + id).then().statusCode(409);

        // 民政局 reports task 17 done on time after all, and a new finding arrives
        Scenario s = scenario;
        FeedScript.publish(s.plan.done(17, MINZHENG, "2023-09-05"));
        Scenario.syncAll();
        s.finding(SIFA, "2023-09-25", "SPECIAL_CHECK", "专项检查发现问题", "4", null);

        Api.as(Tokens.supervisor(region)).get(base + "/bulletins/" + id).then().statusCode(200)
                .body("content.overall.overdue", equalTo(2)).body("content.overall.onTime", equalTo(3))
                .body("content.findings", hasSize(1));
        assertEquals(draft, Api.as(Tokens.supervisor(region)).get(base + "/bulletins/" + id).then().extract().path("content").toString());
        // generating again reflects the new facts in a new bulletin
        String again = create(3).path("id");
        Api.as(Tokens.supervisor(region)).get(base + "/bulletins/" + again).then()
                .body("content.overall.overdue", equalTo(1)).body("content.overall.onTime", equalTo(4))
                .body("content.findings.unitName", contains(SIFA, WEIJIAN));
        Api.as(Tokens.viewer(region)).queryParam("year", 2023).get(base + "/bulletins").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].title", startsWith("沂源县2023年第三季度"));
    }

    @Test
    void nextStepsOfADraftNeedTheCurrentETag() {
        String id = create(3).path("id");
        String url = base + "/bulletins/" + id;
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("nextSteps", "一、限期整改。"))
                .put(url).then().statusCode(428).contentType("application/problem+json");
        Api.as(Tokens.supervisor(region)).header("If-Match", "\"7\"").contentType("application/json")
                .body(Map.of("nextSteps", "一、限期整改。")).put(url).then().statusCode(412);
        Api.as(Tokens.supervisor(region)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("nextSteps", " ")).put(url).then().statusCode(400).body("errors[0].field", equalTo("nextSteps"));
        Api.as(Tokens.supervisor(region)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("nextSteps", "请各单位限期整改。\n整改情况于10个工作日内报送。")).put(url).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("nextSteps", startsWith("请各单位限期整改。"));
        Api.as(Tokens.supervisor(region)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("nextSteps", "旧版本")).put(url).then().statusCode(412);
    }

    @Test
    void onlyASupervisorCreatesEditsAndPublishesAndUnitsSeePublishedOnly() {
        Api.as(Tokens.viewer(region)).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post(base + "/bulletins").then().statusCode(403).contentType("application/problem+json");
        Api.as(Tokens.unit(region, Scenario.id(JIAOTI))).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post(base + "/bulletins").then().statusCode(403);
        String id = create(3).path("id");
        Api.as(Tokens.viewer(region)).post(base + "/bulletins/" + id + "/publish").then().statusCode(403);
        Api.as(Tokens.unit(region, Scenario.id(JIAOTI))).post(base + "/bulletins/" + id + "/publish").then().statusCode(403);
        Api.as(Tokens.viewer(region)).header("If-Match", "\"1\"").contentType("application/json")
                .body(Map.of("nextSteps", "x")).put(base + "/bulletins/" + id).then().statusCode(403);
        String unit = Tokens.unit(region, Scenario.id(JIAOTI));
        Api.as(unit).get(base + "/bulletins/" + id).then().statusCode(404);
        Api.as(unit).get(base + "/bulletins").then().statusCode(200).body("total", equalTo(0));
        Api.as(Tokens.supervisor(region)).post(base + "/bulletins/" + id + "/publish").then().statusCode(200);
        Api.as(unit).get(base + "/bulletins/" + id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.as(Tokens.supervisor(Regions.fresh())).get(base + "/bulletins/" + id).then().statusCode(403);
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(Map.of("year", 2023, "quarter", 5, "asOf", "soon"))
                .post(base + "/bulletins").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("quarter", "asOf"));
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("year", 2023, "quarter", 3, "planIds", List.of("00000000-0000-0000-0000-000000000001")))
                .post(base + "/bulletins").then().statusCode(400).body("errors[0].field", equalTo("planIds[0]"));
        // a path that names nothing is a 404, a malformed id included (the same answer in every service)
        Api.as(Tokens.supervisor(region)).get(base + "/bulletins/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Tokens.supervisor(region)).get(base + "/bulletins/00000000-0000-0000-0000-000000000001").then().statusCode(404);
        String bare = Regions.fresh();
        Api.as(Tokens.supervisor(bare)).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post("/api/v1/regions/" + bare + "/bulletins").then().statusCode(409)
                .body("detail", containsString("PUT /profile"));
        Api.as(Tokens.supervisor(region)).get(base + "/bulletins").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aBulletinCanBeLimitedToPlansAndJudgedAsOfALaterDay() {
        String planId = scenario.plan.plan.id();
        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("year", 2023, "quarter", 3, "planIds", List.of(planId), "asOf", "2023-10-10"))
                .post(base + "/bulletins").then().statusCode(201)
                // 民政's task 12 (done 10-10) is now known: done late, 19 working days after 09-12
                .body("content.overall.overdue", equalTo(1)).body("content.overall.late", equalTo(2))
                .body("content.planIds", contains(planId));
    }
}
