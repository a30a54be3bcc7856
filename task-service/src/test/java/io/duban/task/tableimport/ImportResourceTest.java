package io.duban.task.tableimport;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Fixtures;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportResourceTest {

    /** A test may switch FakeOrgService into a failure mode; every test starts with it answering normally. */
    @AfterEach
    void orgServiceBack() {
        System.clearProperty(FakeOrgService.MODE);
    }

    @Test
    void yiyuanTableGives48TasksWithTheirAssignmentsAndReviewList() {
        String region = Regions.fresh();
        String plan = Api.yiyuanPlan(region);
        var answer = Api.importFixture(region, plan, Fixtures.KEY_TASKS_TSV, "text/tab-separated-values");
        assertEquals(48, answer.getInt("tasks"));
        assertTrue(answer.getInt("assignments") > 48);
        List<Map<String, Object>> review = answer.getList("needsReview");
        Map<String, Object> typo = review.stream().filter(r -> ((Number) r.get("seq")).intValue() == 39).findFirst().orElseThrow();
        assertEquals("responsibleText", typo.get("field"));
        assertEquals("UNKNOWN_UNIT", typo.get("reason"));
        assertEquals("县政府和审批服务局", typo.get("text"));
        assertTrue(((List<?>) typo.get("suggestions")).contains("县行政审批服务局"));
        assertTrue(review.stream().anyMatch(r -> ((Number) r.get("seq")).intValue() == 6 && "UNDESIGNATED_GROUP".equals(r.get("reason"))));
        assertTrue(review.stream().anyMatch(r -> ((Number) r.get("seq")).intValue() == 32 && "UNDESIGNATED_GROUP".equals(r.get("reason"))));

        List<Map<String, Object>> tasks = Api.tasks(region, plan);
        assertEquals(48, tasks.size());
        Map<String, Object> t36 = Api.task(region, plan, 36);
        List<String> six = List.of("县教育和体育局", "县卫生健康局", "县住房城乡建设局", "县交通运输局", "县供电公司", "县自来水公司");
        for (int seq : new int[] {36, 37, 38}) {
            Map<String, Object> t = Api.task(region, plan, seq);
            List<Map<String, Object>> as = Api.assignmentsOfTask(region, (String) t.get("id"));
            assertEquals(6, as.size(), "task " + seq);
            assertEquals("县教育和体育局", as.get(0).get("unitName"));
            assertEquals("LEAD", as.get(0).get("role"));
            assertEquals(5, as.stream().filter(a -> "CO".equals(a.get("role"))).count());
            assertEquals(Set(six), Set(as.stream().map(a -> (String) a.get("unitName")).toList()));
            assertEquals(t36.get("responsibleText"), t.get("responsibleText"));
        }
        Map<String, Object> t39 = Api.task(region, plan, 39);
        assertEquals(true, t39.get("needsReview"));
        assertEquals(0, Api.assignmentsOfTask(region, (String) t39.get("id")).size());
        // blank 时限 cells repeat the row above; the category of row 2 is row 1's
        assertEquals(Api.task(region, plan, 1).get("deadlineText"), Api.task(region, plan, 4).get("deadlineText"));
        assertEquals(List.of("推进绿色低碳高质量发展信息公开", "围绕促进经济发展量质齐升强化公开"), Api.task(region, plan, 2).get("category"));
        assertEquals(List.of("推进政策发布解读回应提质增效", "持续深化政策集中统一公开"), Api.task(region, plan, 18).get("category"));
        // 各级各部门单位: every town, subdistrict, zone and department
        assertEquals(43, Api.assignmentsOfTask(region, (String) Api.task(region, plan, 15).get("id")).size());
    }

    @Test
    void deadlineRulesAreParsedAgainstThePlan() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        Map<String, Object> t17 = rule(region, plan, 17);
        assertEquals("RELATIVE", t17.get("kind"));
        assertEquals("PLAN_ISSUED", t17.get("trigger"));
        assertEquals(Map.of("amount", 20, "unit", "WORKDAY"), t17.get("period"));
        Map<String, Object> t30 = rule(region, plan, 30);
        assertEquals("RELATIVE", t30.get("kind"));
        assertEquals("DECISION_ISSUED", t30.get("trigger"));
        assertEquals(Map.of("amount", 10, "unit", "WORKDAY"), t30.get("period"));
        assertEquals(Map.of("kind", "FIXED", "date", "2023-12-31"), rule(region, plan, 31));
        assertEquals(Map.of("kind", "FIXED", "date", "2023-10-31"), rule(region, plan, 18));
        assertEquals("ONGOING", rule(region, plan, 19).get("kind"));
        assertEquals("INFO_CHANGED", rule(region, plan, 1).get("trigger"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(String region, String plan, int seq) {
        return (Map<String, Object>) Api.task(region, plan, seq).get("deadline");
    }

    @Test
    void deadlineIsStoredAsARuleObjectEvenBeforeTheParserLands() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        Map<String, Object> rule = rule(region, plan, 19);
        assertTrue(List.of("ONGOING", "UNPARSED").contains(rule.get("kind")), rule.toString());
    }

    @Test
    void allFourFormatsGiveTheSameTasks() {
        String region = Regions.fresh();
        List<String> expected = null;
        for (String[] f : new String[][] {
                {Fixtures.KEY_TASKS_TSV, "text/tab-separated-values"},
                {Fixtures.KEY_TASKS_GBK_CSV, "text/csv"},
                {Fixtures.KEY_TASKS_XLSX, TableReader.XLSX},
                {Fixtures.KEY_TASKS_DOCX, TableReader.DOCX}}) {
            String plan = Api.yiyuanPlan(region);
            assertEquals(48, Api.importFixture(region, plan, f[0], f[1]).getInt("tasks"), f[0]);
            List<String> rows = Api.tasks(region, plan).stream()
                    .map(t -> t.get("seq") + "|" + t.get("category") + "|" + t.get("requirement") + "|" + t.get("responsibleText")
                            + "|" + t.get("deadlineText"))
                    .toList();
            if (expected == null) {
                expected = rows;
            } else {
                assertEquals(expected, rows, f[0]);
            }
        }
    }

    @Test
    void dryRunWritesNothing() {
        String region = Regions.fresh();
        String plan = Api.yiyuanPlan(region);
        supervisor(region).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(base(region) + "/plans/" + plan + "/import?dryRun=true")
                .then().statusCode(200).body("tasks", equalTo(48)).body("dryRun", equalTo(true))
                .body("needsReview.seq", hasItem(39));
        assertEquals(0, Api.count(region, "/plans/" + plan + "/tasks"));
        assertEquals(0, Api.count(region, "/assignments"));
    }

    @Test
    void secondImportIntoTheSamePlanIsAConflict() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        supervisor(region).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(base(region) + "/plans/" + plan + "/import")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(48, Api.count(region, "/plans/" + plan + "/tasks"));
    }

    @Test
    void importForwardsTheCallersTokenToOrgService() {
        String region = Regions.fresh();
        String plan = Api.yiyuanPlan(region);
        String token = Tokens.supervisor(region);
        Api.as(token).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(base(region) + "/plans/" + plan + "/import?dryRun=true").then().statusCode(200);
        assertEquals("Bearer " + token, System.getProperty(FakeOrgService.LAST_AUTH));
    }

    @Test
    void orgServiceDownIs503AndWritesNothing() {
        String region = Regions.fresh();
        String plan = Api.yiyuanPlan(region);
        for (String mode : List.of("503", "reset")) {
            System.setProperty(FakeOrgService.MODE, mode);
            supervisor(region).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                    .post(base(region) + "/plans/" + plan + "/import")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", containsString("upstream-unavailable"));
        }
        System.clearProperty(FakeOrgService.MODE);
        assertEquals(0, Api.count(region, "/plans/" + plan + "/tasks"));
        assertEquals(0, Api.count(region, "/assignments"));
    }

    @Test
    void garbageTablesAreRejectedAndNothingIsWritten() throws Exception {
        String region = Regions.fresh();
        String plan = Api.yiyuanPlan(region);
        byte[] random = new byte[64 * 1024];
        new Random(42).nextBytes(random);
        rejects(region, plan, "text/csv", random, 400);
        rejects(region, plan, "application/octet-stream", random, 400);
        rejects(region, plan, "application/octet-stream", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(), 415);
        rejects(region, plan, "application/pdf", "%PDF-1.7\n".getBytes(), 415);
        rejects(region, plan, TableReader.XLSX, "not a zip".getBytes(), 400);
        rejects(region, plan, TableReader.DOCX, random, 400);
        rejects(region, plan, "text/csv", "编号,名称,备注\n1,县财政局,无\n".getBytes(), 400);
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        rejects(region, plan, "text/tab-separated-values", big, 413);
        rejects(region, plan, TableReader.XLSX, millionEmptyRows(), -1);
        assertEquals(0, Api.count(region, "/plans/" + plan + "/tasks"));
    }

    private static void rejects(String region, String plan, String type, byte[] body, int status) {
        var response = supervisor(region).contentType(type).body(body).post(base(region) + "/plans/" + plan + "/import")
                .then().contentType("application/problem+json").extract();
        if (status > 0) {
            assertEquals(status, response.statusCode(), type + ": " + response.body().asString());
        } else {
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.body().asString());
        }
        assertTrue(response.jsonPath().getString("detail").length() > 0);
    }

    /** A minimal workbook whose only sheet has a header row and 10⁶ empty rows, written as raw SpreadsheetML (fast). */
    static byte[] millionEmptyRows() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            StringBuilder sheet = new StringBuilder(24_000_000);
            sheet.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            sheet.append("<row r=\"1\">");
            String[] names = {"序号", "工作任务", "工作要求", "责任单位", "时限要求"};
            for (String n : names) {
                sheet.append("<c t=\"inlineStr\"><is><t>").append(n).append("</t></is></c>");
            }
            sheet.append("</row>");
            for (int r = 2; r <= 1_000_001; r++) {
                sheet.append("<row r=\"").append(r).append("\"/>");
            }
            sheet.append("</sheetData></worksheet>");
            entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws java.io.IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void unitAndViewerMayNotImport() {
        String region = Regions.fresh();
        String plan = Api.yiyuanPlan(region);
        Api.as(Tokens.viewer(region)).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(base(region) + "/plans/" + plan + "/import").then().statusCode(403);
        Api.as(Tokens.supervisor(Regions.fresh())).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(base(region) + "/plans/" + plan + "/import").then().statusCode(403);
    }

    private static <T> java.util.Set<T> Set(List<T> l) {
        return new java.util.HashSet<>(l);
    }
}
