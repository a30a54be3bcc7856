package io.duban.task.tableimport;

import static io.duban.task.support.Api.base;
import static io.duban.task.support.Api.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.task.support.Api;
import io.duban.testing.Fixtures;
import io.duban.testing.Regions;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Imports of the forms beside the key-task table, through HTTP: prose documents, the raw 常态化 list, a 2020-style table. */
@QuarkusTest
class DocumentImportTest {

    private static JsonPath post(String region, String plan, byte[] body, String type, String query) {
        return supervisor(region).contentType(type).body(body).post(base(region) + "/plans/" + plan + "/import" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static long reasons(List<Map<String, Object>> review, String reason) {
        return review.stream().filter(r -> reason.equals(r.get("reason"))).count();
    }

    @Test
    void fireSafetyOpinionAsTextGivesOneTaskPerMeasure() {
        String region = Regions.fresh();
        String plan = Api.plan(region, "KEY_TASKS", "关于开展行业系统消防安全标准化建设的实施意见");
        JsonPath answer = post(region, plan, Fixtures.bytes("yiyuan-2023-fire-safety-opinion.txt"), "text/plain;charset=UTF-8", "");
        assertEquals(18, answer.getInt("tasks"));
        assertEquals("DOCUMENT", answer.getString("form"));
        List<Map<String, Object>> review = answer.getList("needsReview");
        assertEquals(18, reasons(review, "MISSING"), "no 时限 anywhere in the document: every measure is MISSING, none UNPARSED");
        assertEquals(0, reasons(review, "UNPARSED"));
        assertEquals(0, reasons(review, "EMPTY"));

        Map<String, Object> t8 = Api.task(region, plan, 8);
        assertEquals("8", t8.get("number"));
        assertEquals(List.of("坚持部门依法监管，持续抓实条线消防安全", "推动从“单打独斗”到“联合作战”，形成多部门协调机制"), t8.get("category"));
        assertTrue(((String) t8.get("requirement")).startsWith("健全完善部门责任制工作清单。各有关部门要建立本部门消防工作领导机制和责任制"));
        assertEquals("县委统战部、县发展改革局、县教育和体育局、县公安局、县民政局、县自然资源局、县住房城乡建设局、县商务局、县文化和旅游局、"
                + "县卫生健康局、县应急局、县市场监管局、县综合行政执法局、县消防救援大队", t8.get("responsibleText"));
        List<Map<String, Object>> units = Api.assignmentsOfTask(region, (String) t8.get("id"));
        assertEquals(14, units.size());
        assertEquals("县委统战部", units.get(0).get("unitName"));
        assertEquals("LEAD", units.get(0).get("role"));
        Map<String, Object> t18 = Api.task(region, plan, 18);
        assertEquals("县消防救援大队", t18.get("responsibleText"));
        assertEquals(Map.of("kind", "UNPARSED", "text", "", "reason", "时限要求为空"), t18.get("deadline"));
    }

    @Test
    void fireSafetyOpinionAsWordGivesTheSameTasksAndADefaultDeadline() {
        String region = Regions.fresh();
        String plan = Api.plan(region, "KEY_TASKS", "关于开展行业系统消防安全标准化建设的实施意见");
        JsonPath answer = post(region, plan, Fixtures.bytes("yiyuan-2023-fire-safety-opinion.docx"), TableReader.DOCX,
                "?defaultDeadline=2023年12月底前");
        assertEquals(18, answer.getInt("tasks"));
        assertEquals(0, reasons(answer.getList("needsReview"), "MISSING"));
        List<Map<String, Object>> tasks = Api.tasks(region, plan);
        assertEquals(18, tasks.size());
        for (Map<String, Object> t : tasks) {
            assertEquals("2023年12月底前", t.get("deadlineText"));
            assertEquals(Map.of("kind", "FIXED", "date", "2023-12-31"), t.get("deadline"));
        }
        Map<String, Object> t16 = Api.task(region, plan, 16);
        assertEquals("16", t16.get("number"));
        assertEquals("县消防安全委员会办公室", t16.get("responsibleText"));
    }

    @Test
    void weatherNoticeDryRunShowsWhatWasRecognisedAndWritesNothing() {
        String region = Regions.fresh();
        String plan = Api.plan(region, "KEY_TASKS", "关于加快推进全县气象高质量发展的通知");
        JsonPath answer = post(region, plan, Fixtures.bytes("yiyuan-2023-weather-notice.txt"), "text/plain", "?dryRun=true");
        assertEquals(20, answer.getInt("tasks"));
        List<Map<String, Object>> rows = answer.getList("rows");
        assertEquals(20, rows.size());
        Map<String, Object> first = rows.get(0);
        assertEquals("1", first.get("number"));
        assertEquals(List.of("主要任务", "夯实气象高质量发展基础"), first.get("category"));
        assertEquals("县气象局牵头，县工业和信息化局、县自然资源局、市生态环境局沂源分局、县交通运输局、县农业农村局、县综合行政执法局"
                + "等部门按职责分工负责", first.get("responsibleText"));
        Map<String, Object> sixth = rows.get(5);
        assertEquals(6, sixth.get("seq"));
        assertEquals("1", sixth.get("number"), "the printed number restarts under each heading; seq runs on");
        assertEquals("（三）", rows.get(19).get("number"));
        assertEquals(List.of("保障措施"), rows.get(19).get("category"));
        assertEquals(0, Api.count(region, "/plans/" + plan + "/tasks"));
    }

    @Test
    void routineListImportsWithCadencesAndNoUnparsedItem() {
        String region = Regions.fresh();
        String plan = Api.plan(region, "ROUTINE", "全县政务公开常态化工作任务清单（2023年版）");
        JsonPath dry = post(region, plan, Fixtures.bytes("yiyuan-2023-routine.raw.tsv"), TableReader.TSV, "?dryRun=true");
        List<Map<String, Object>> repairs = dry.getList("repairs");
        assertEquals(36, repairs.size());
        assertEquals(Map.of("line", 5, "seq", 4, "detail", "单元格错位已修正：工作要求取自第 4 列，评估对象“县司法局”取自第 5 列"), repairs.get(0));

        JsonPath answer = post(region, plan, Fixtures.bytes("yiyuan-2023-routine.raw.tsv"), TableReader.TSV, "");
        assertEquals(197, answer.getInt("tasks"));
        List<Map<String, Object>> review = answer.getList("needsReview");
        assertEquals(0, reasons(review, "UNPARSED"));
        assertEquals(0, reasons(review, "MISSING"));
        List<Map<String, Object>> tasks = Api.tasks(region, plan);
        Map<String, Long> kinds = tasks.stream().collect(Collectors.groupingBy(
                t -> (String) ((Map<?, ?>) t.get("deadline")).get("kind"), Collectors.counting()));
        assertEquals(Map.of("ONGOING", 141L, "ASAP", 46L, "RECURRING", 10L), kinds); // RECURRING: 3 按月, 4 按季度, 每年1月31日前, 每隔2年, 至少2周
        Map<String, Object> cleanUp = tasks.stream().filter(t -> ((String) t.get("requirement")).startsWith("发布本级政府行政规范性文件清理结果"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("kind", "RECURRING", "frequency", "YEARLY", "interval", 2), cleanUp.get("deadline"));
        assertEquals("县司法局", cleanUp.get("responsibleText"));
        assertEquals("", cleanUp.get("deadlineText"));
        Map<String, Object> lawData = tasks.stream().filter(t -> ((String) t.get("requirement")).startsWith("于每年1月31日前"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("kind", "RECURRING", "frequency", "YEARLY", "interval", 1, "dueMonth", 1, "dueDay", 31), lawData.get("deadline"));
    }

    @Test
    void twentyTwentyTableGetsRequirementSubItemLeadAndNoteRight() {
        String region = Regions.fresh();
        String plan = Api.plan(region, "KEY_TASKS", "2020年政务公开工作任务分解表");
        JsonPath answer = post(region, plan, TwentyTwentyTable.sample(), TableReader.DOCX, "?defaultDeadline=2020年12月底前");
        assertEquals(3, answer.getInt("tasks"));
        Map<String, Object> t1 = Api.task(region, plan, 1);
        assertEquals(List.of("推进政务公开标准化规范化", "加强基层政务公开"), t1.get("category"));
        assertEquals("（1）梳理基层政务公开事项目录", t1.get("requirement"));
        assertEquals(Map.of("kind", "FIXED", "date", "2020-12-31"), t1.get("deadline"));
        Map<String, Object> t2 = Api.task(region, plan, 2);
        assertEquals("涉密信息除外", t2.get("note"));
        List<Map<String, Object>> units = Api.assignmentsOfTask(region, (String) t2.get("id"));
        Map<Object, Object> roles = units.stream().collect(Collectors.toMap(u -> u.get("unitName"), u -> u.get("role")));
        assertEquals(Map.of("县文化和旅游局", "LEAD", "县委宣传部", "CO"), roles, "the bold unit leads though listed second");
        assertNull(Api.task(region, plan, 3).get("note"));
    }

    @Test
    void aPlanOf2018SendsItsYearSoFormerNamesResolveAndTheDryRunSaysWhichMatched() {
        String region = Regions.fresh();
        String plan = supervisor(region).contentType("application/json")
                .body(Map.of("title", "2018年政务公开工作要点", "issuedOn", "2018-05-02", "year", 2018, "kind", "KEY_TASKS"))
                .post(base(region) + "/plans").then().statusCode(201).extract().path("id");
        String text = "一、重点任务\n1.公开医疗卫生信息。（责任单位：县卫生和计划生育局；完成时限：2018年12月底）\n";
        JsonPath answer = post(region, plan, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain", "?dryRun=true");
        Map<String, Object> row = answer.<Map<String, Object>>getList("rows").get(0);
        assertEquals(List.of(Map.of("unitName", "县卫生健康局", "role", "LEAD", "formerName", "县卫生和计划生育局")), row.get("units"));
        assertEquals(Map.of("kind", "FIXED", "date", "2018-12-31"), row.get("deadline"));
        assertEquals(0, answer.getList("needsReview").size());
    }

    @Test
    void blankLeadCellIsAReviewItemAndIsoDatesAreFixed() {
        String region = Regions.fresh();
        String plan = Api.plan(region, "KEY_TASKS", "牵头配合分列的任务表");
        String tsv = "序号\t工作要求\t牵头单位\t配合单位\t完成时限\n1\t要求一\t\t县财政局、县民政局\t2023-12-31\n2\t要求二\t县司法局\t县财政局\t2023/6/30\n";
        JsonPath answer = post(region, plan, tsv.getBytes(java.nio.charset.StandardCharsets.UTF_8), TableReader.TSV, "");
        List<Map<String, Object>> review = answer.getList("needsReview");
        assertEquals(1, reasons(review, "LEAD_MISSING"));
        Map<String, Object> t1 = Api.task(region, plan, 1);
        assertEquals(Map.of("kind", "FIXED", "date", "2023-12-31"), t1.get("deadline"));
        List<Map<String, Object>> units = Api.assignmentsOfTask(region, (String) t1.get("id"));
        assertEquals(2, units.size());
        assertTrue(units.stream().allMatch(u -> "CO".equals(u.get("role"))), "no 配合 unit becomes the lead: " + units);
        assertEquals(Map.of("kind", "FIXED", "date", "2023-06-30"), Api.task(region, plan, 2).get("deadline"));
    }
}
