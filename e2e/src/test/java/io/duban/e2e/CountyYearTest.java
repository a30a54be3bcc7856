package io.duban.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.client.task.ApiException;
import io.duban.client.task.model.AssignmentDto;
import io.duban.client.task.model.ReportResponse;
import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * 沂源县's 2023 played through the public APIs of the three packaged services, in order: the
 * supervisor sets the plan up, units report over the year (with a task-service crash in the middle
 * and facts piling up while report-service is down), report-service judges, and no unit can touch
 * another's data. Steps share the cluster and what earlier steps created; each step's expected
 * numbers follow from the facts posted in step 2 (the script is on {@link #step2_educationReportsOnTime}).
 *
 * <p>Step 3b judges the same year as documents: the Q3 and Q4 bulletins (JSON and DOCX) and the 2023
 * assessment (JSON and XLSX) with findings recorded by the supervisor, then shows that a published
 * bulletin and a finalized assessment do not move when a late report arrives afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CountyYearTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final String TASK_17_DUE = "2023-09-06";
    /** 各级各部门单位 resolves to this many units of yiyuan-units.tsv. */
    static final int ALL_DEPARTMENTS = 43;

    static final String EDUCATION = "县教育和体育局";
    static final String CIVIL_AFFAIRS = "县民政局";
    static final String HUMAN_RESOURCES = "县人力资源社会保障局";
    static final String APPROVAL = "县行政审批服务局";
    static final String COMMERCE = "县商务局";
    static final String VETERANS = "县退役军人局";

    Cluster cluster;
    final String supervisor = Tokens.supervisor(REGION);
    final String system = Tokens.system("*");
    String planId;
    /** 序号 → task id. */
    final Map<Integer, String> tasks = new TreeMap<>();
    /** unit name → unit id. */
    final Map<String, String> units = new HashMap<>();
    /** Ids the script created that later steps may need ({@code event10}, {@code event9}). */
    final Map<String, String> script = new HashMap<>();
    Set<String> obligationsBeforeReportOutage;
    /** Ids of the reports and events written, which the change feed must show before report-service is judged. */
    final Set<String> written = new HashSet<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new Cluster().start();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- step 1: the supervisor sets the year up ----------------------------------------------

    @Test
    @Order(10)
    void step1_supervisorLoadsUnitsPlanAndTable() {
        org(supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.UNITS_TSV))
                .post(BASE + "/units/import").then().statusCode(200);
        JsonPath unitPage = org(supervisor).queryParam("size", 100).get(BASE + "/units").then().statusCode(200).extract().jsonPath();
        assertEquals(59, unitPage.getInt("total"));
        for (Map<String, Object> u : unitPage.<Map<String, Object>>getList("items")) {
            units.put((String) u.get("name"), (String) u.get("id"));
        }

        planId = task(supervisor).contentType("application/json")
                .body(Map.of("title", "沂源县2023年政务公开工作方案", "docNumber", "源政办字〔2023〕25号", "issuedOn", "2023-08-09",
                        "year", 2023, "kind", "KEY_TASKS"))
                .post(BASE + "/plans").then().statusCode(201).extract().path("id");

        JsonPath imported = task(supervisor).contentType("text/tab-separated-values").body(Fixtures.bytes(Fixtures.KEY_TASKS_TSV))
                .post(BASE + "/plans/" + planId + "/import").then().statusCode(200).extract().jsonPath();
        assertEquals(48, imported.getInt("tasks"));
        assertEquals(757, imported.getInt("assignments"));
        assertTrue(imported.getList("needsReview.seq").contains(39), "task 39's typo is flagged");

        JsonPath taskPage = task(supervisor).queryParam("size", 100).get(BASE + "/plans/" + planId + "/tasks")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> t : taskPage.<Map<String, Object>>getList("items")) {
            tasks.put((Integer) t.get("seq"), (String) t.get("id"));
        }
        assertEquals(48, tasks.size());
    }

    @Test
    @Order(11)
    void step1_supervisorFixesTask39AndDesignatesUnitsForTask9() {
        // 39: 县政府和审批服务局 is a typo in the original for 县行政审批服务局
        String task39 = tasks.get(39);
        String etag = task(supervisor).get(BASE + "/tasks/" + task39).then().statusCode(200).extract().header("ETag");
        task(supervisor).contentType("application/json").header("If-Match", etag).body(Map.of("responsibleText", APPROVAL))
                .put(BASE + "/tasks/" + task39).then().statusCode(200);
        JsonPath fixed = task(supervisor).get(BASE + "/tasks/" + task39).then().statusCode(200).extract().jsonPath();
        assertEquals(false, fixed.getBoolean("needsReview"));
        assertEquals(List.of(APPROVAL), fixed.getList("assignments.unitName"));
        assertEquals(List.of("LEAD"), fixed.getList("assignments.role"));

        // 9: 县政府有关部门单位 names no unit until the supervisor says which
        String task9 = tasks.get(9);
        etag = task(supervisor).get(BASE + "/tasks/" + task9).then().statusCode(200).extract().header("ETag");
        task(supervisor).contentType("application/json").header("If-Match", etag)
                .body(Map.of("unitIds", List.of(units.get(HUMAN_RESOURCES), units.get(VETERANS))))
                .post(BASE + "/tasks/" + task9 + "/designations").then().statusCode(200);
        JsonPath designated = task(supervisor).get(BASE + "/tasks/" + task9).then().statusCode(200).extract().jsonPath();
        assertEquals(Set.of(HUMAN_RESOURCES, VETERANS), new HashSet<>(designated.getList("assignments.unitName")));
        assertEquals(false, designated.getBoolean("needsReview"));
    }

    // ---- step 2: units report over the year ---------------------------------------------------

    /**
     * The script (completion dates in 2023; "never" means no report at all):
     * <pre>
     * 县教育和体育局    17 done 09-05 (on time) · 10 信息形成 09-25 → due 10-27, done 10-12 · 16 done 10-31 · 18 never
     * 县民政局          17 done 09-07 (late 1, sent twice with one Idempotency-Key) · 12 信息形成 10-09 → due 11-06, done 11-08 (late 2)
     *                   · a second report on 17 with the stale If-Match → 412
     * 县人力资源社会保障局 17 in progress (retried after a task-service crash) · 9 信息形成 11-01 → due 11-29, never
     * 县行政审批服务局  17 done 09-20 (late 10) · 39 done 12-29 (on time)
     * 县商务局 and the other 38 departments: never
     * </pre>
     */
    @Test
    @Order(20)
    void step2_educationReportsOnTime() {
        // education's 联络员 signs in at org-service; task-service accepts the token org-service signed
        String token = signIn(EDUCATION, "jyj");
        done(token, assignment(17, EDUCATION), "2023-09-05", null, null).then().statusCode(201);

        String a10 = assignment(10, EDUCATION);
        String eventId = event(token, a10, "2023-09-25", "2023年秋季义务教育招生入学政策");
        script.put("event10", eventId);
        done(token, a10, "2023-10-12", eventId, null).then().statusCode(201);

        // 16 is reported by the bureau's own system, which speaks only through the client generated from openapi/
        DepartmentSystem system = new DepartmentSystem(cluster.task.url(), REGION, Tokens.bearer(token));
        try {
            List<AssignmentDto> mine = system.myAssignments();
            assertTrue(mine.stream().allMatch(a -> units.get(EDUCATION).equals(a.getUnitId().toString())), "a unit token sees only its own");
            AssignmentDto a16 = mine.stream().filter(a -> tasks.get(16).equals(a.getTaskId().toString())).findFirst().orElseThrow();
            ReportResponse r = system.reportDone(a16.getId(), LocalDate.parse("2023-10-31"), "已在县政府门户网站公开",
                    "http://www.yiyuan.gov.cn/gongkai/" + a16.getId());
            assertEquals(io.duban.client.task.model.AssignmentStatus.DONE, r.getReport().getStatus());
            assertEquals(a16.getVersion() + 1, r.getAssignmentVersion());
            written.add(r.getReport().getId().toString());
        } catch (ApiException e) {
            throw new AssertionError("the generated client failed: HTTP " + e.getCode() + " " + e.getResponseBody(), e);
        }
    }

    @Test
    @Order(21)
    void step2_civilAffairsRetriesWithOneKeyAndIsRefusedWithAStaleVersion() {
        String token = Tokens.unit(REGION, units.get(CIVIL_AFFAIRS));
        String a17 = assignment(17, CIVIL_AFFAIRS);
        String versionRead = etag(a17);

        Response first = done(token, a17, "2023-09-07", null, "civil-affairs-17-done", versionRead);
        first.then().statusCode(201);
        // the client lost the answer and sends the very same request again
        Response retry = done(token, a17, "2023-09-07", null, "civil-affairs-17-done", versionRead);
        retry.then().statusCode(201);
        assertEquals(first.<String>path("report.id"), retry.<String>path("report.id"));
        assertEquals(1, reportsOf(a17).size(), "the retry stored nothing");

        // a second write still based on the version read before the first report: refused, nothing written
        task(token).contentType("application/json").header("If-Match", versionRead)
                .body(Map.of("status", "IN_PROGRESS", "note", "补充材料"))
                .post(BASE + "/assignments/" + a17 + "/reports").then().statusCode(412)
                .contentType("application/problem+json");
        assertEquals(1, reportsOf(a17).size(), "the stale write stored nothing");

        String a12 = assignment(12, CIVIL_AFFAIRS);
        String eventId = event(token, a12, "2023-10-09", "2023年第四季度困难群众救助标准调整");
        done(token, a12, "2023-11-08", eventId, null).then().statusCode(201);
    }

    /** Step 4, first half: task-service dies (SIGKILL) in the middle of the year and comes back on its port and database. */
    @Test
    @Order(22)
    void step4_taskServiceCrashesMidYearAndLosesNothing() throws Exception {
        String token = Tokens.unit(REGION, units.get(HUMAN_RESOURCES));
        String a17 = assignment(17, HUMAN_RESOURCES);
        String etag = etag(a17);
        Response sent = task(token).contentType("application/json").header("If-Match", etag)
                .header("Idempotency-Key", "hr-17-progress").body(Map.of("status", "IN_PROGRESS", "note", "正在梳理本单位主动公开基本目录"))
                .post(BASE + "/assignments/" + a17 + "/reports");
        sent.then().statusCode(201);
        written.add(sent.path("report.id"));
        Api.Feed before = Api.feedShowing(cluster.task, written);

        // judge only once report-service has applied everything written so far: otherwise a follower run landing
        // between the two reads below (while task-service is being killed) changes the count
        Api.catchUp(cluster.report, cluster.task, written);
        int judgedBefore = obligations("asOf", "2023-12-01").getInt("total");
        cluster.task.kill();
        // report-service keeps answering from what it has, and says the feed is unreachable
        assertEquals(judgedBefore, obligations("asOf", "2023-12-01").getInt("total"));
        report(system).post("/api/v1/admin/projection/sync").then().statusCode(503).contentType("application/problem+json");
        report(supervisor).get("/api/v1/admin/projection").then().statusCode(200)
                .body("lastError", startsWith("任务服务变更流不可达"));
        cluster.task.start();

        assertEquals(before, Api.feed(cluster.task), "the change feed survived the crash as it was");
        // the unit is not sure its report arrived and retries with the same key: replayed, not stored twice
        Response retried = task(token).contentType("application/json").header("If-Match", etag)
                .header("Idempotency-Key", "hr-17-progress").body(Map.of("status", "IN_PROGRESS", "note", "正在梳理本单位主动公开基本目录"))
                .post(BASE + "/assignments/" + a17 + "/reports");
        retried.then().statusCode(201);
        assertEquals(sent.<String>path("report.id"), retried.<String>path("report.id"));
        assertEquals(1, reportsOf(a17).size());
        assertEquals(1, reportsOf(assignment(17, CIVIL_AFFAIRS)).size());
        assertEquals(1, reportsOf(assignment(16, EDUCATION)).size());
        assertEquals(before, Api.feed(cluster.task));
    }

    /** Step 4, second half: report-service dies (SIGKILL) while units keep reporting; it catches up on restart. */
    @Test
    @Order(23)
    void step4_reportServiceDownWhileFactsAccumulate() throws Exception {
        JsonPath state = Api.catchUp(cluster.report, cluster.task, written);
        assertEquals(Api.feed(cluster.task).count(), state.getInt("appliedTotal"));
        obligationsBeforeReportOutage = obligationIds("2023-12-01");
        cluster.report.kill();

        String hr = Tokens.unit(REGION, units.get(HUMAN_RESOURCES));
        String a9 = assignment(9, HUMAN_RESOURCES);
        String eventId = event(hr, a9, "2023-11-01", "2023年城乡公益性岗位招聘公告");
        script.put("event9", eventId);

        String approval = Tokens.unit(REGION, units.get(APPROVAL));
        done(approval, assignment(17, APPROVAL), "2023-09-20", null, null).then().statusCode(201);
        done(approval, assignment(39, APPROVAL), "2023-12-29", null, null).then().statusCode(201);

        cluster.report.start();
        state = Api.catchUp(cluster.report, cluster.task, written);
        assertEquals(Api.feed(cluster.task).count(), state.getInt("appliedTotal"), "every change applied exactly once");
        assertEquals(false, state.getBoolean("behind"));

        Set<String> after = obligationIds("2023-12-01");
        assertTrue(after.containsAll(obligationsBeforeReportOutage), "no obligation lost");
        Set<String> added = new HashSet<>(after);
        added.removeAll(obligationsBeforeReportOutage);
        assertEquals(1, added.size(), "exactly the one new from the 11-01 event on task 9: " + added);
    }

    // ---- step 3: report-service judges ----------------------------------------------------------

    @Test
    @Order(30)
    void step3_reportServiceJudgesTheYear() {
        JsonPath state = Api.catchUp(cluster.report, cluster.task, written);
        assertEquals(Api.feed(cluster.task).count(), state.getInt("appliedTotal"));

        // 137 dated obligations from the table (43 × tasks 16, 17, 18 and eight 年底前 leads) + three from events
        JsonPath all = obligations("asOf", "2023-12-01");
        assertEquals(140, all.getInt("total"));
        assertEquals(140, new HashSet<>(all.getList("items.id")).size(), "no obligation twice");
    }

    @Test
    @Order(31)
    void step3_task17IsDueOnTheTwentiethWorkdayAfterIssue() {
        JsonPath t17 = obligations("asOf", "2023-09-06", "dueFrom", TASK_17_DUE, "dueTo", TASK_17_DUE);
        assertEquals(ALL_DEPARTMENTS, t17.getInt("total"));
        assertEquals(List.of(17), t17.getList("items.taskSeq").stream().distinct().toList());
        // as of the due day: one done early, 42 still open and due soon (the 09-07 and 09-20 completions are not known yet)
        assertEquals(Map.of("DONE_ON_TIME", 1L, "DUE_SOON", 42L), countBy(t17.getList("items.status")));

        JsonPath civil = obligations("asOf", "2023-12-01", "unitId", units.get(CIVIL_AFFAIRS), "dueFrom", TASK_17_DUE, "dueTo", TASK_17_DUE);
        assertEquals(1, civil.getInt("total"));
        assertEquals("DONE_LATE", civil.getString("items[0].status"));
        assertEquals(1, civil.getInt("items[0].workdaysLate"));
        assertEquals("2023-09-07", civil.getString("items[0].completedOn"));

        JsonPath approval = obligations("asOf", "2023-12-01", "unitId", units.get(APPROVAL), "dueFrom", TASK_17_DUE, "dueTo", TASK_17_DUE);
        assertEquals("DONE_LATE", approval.getString("items[0].status"));
        assertEquals(10, approval.getInt("items[0].workdaysLate"));
    }

    @Test
    @Order(32)
    void step3_overdueAsOfTheDayAfterTask17WasDue() {
        JsonPath overdue = overdue("2023-09-07");
        // 43 minus the two done by 09-07 (09-05 on time, 09-07 late); 县行政审批服务局's 09-20 is not known yet
        assertEquals(ALL_DEPARTMENTS - 2, overdue.getInt("total"));
        assertEquals(List.of(17), overdue.getList("items.taskSeq").stream().distinct().toList());
        assertEquals(List.of(1), overdue.getList("items.workdaysLate").stream().distinct().toList());
        List<String> late = overdue.getList("items.unitName");
        assertTrue(late.contains(APPROVAL) && late.contains(COMMERCE) && !late.contains(EDUCATION) && !late.contains(CIVIL_AFFAIRS));
    }

    @Test
    @Order(33)
    void step3_overdueAsOfDecemberFirst() {
        JsonPath overdue = overdue("2023-12-01");
        // 17: 43 − 3 done · 16: 43 − 1 done · 18: 43 · 9: 县人力资源社会保障局's event, due 11-29
        assertEquals(40 + 42 + 43 + 1, overdue.getInt("total"));
        assertEquals(Map.of(17, 40L, 16, 42L, 18, 43L, 9, 1L), countBy(overdue.getList("items.taskSeq")));
        // worst first: task 17 (due 09-06) is the most working days late
        assertEquals(17, overdue.getInt("items[0].taskSeq"));
        List<Integer> lateness = overdue.getList("items.workdaysLate");
        for (int i = 1; i < lateness.size(); i++) {
            assertTrue(lateness.get(i - 1) >= lateness.get(i), "worst first: " + lateness);
        }
        JsonPath hr9 = obligations("asOf", "2023-12-01", "unitId", units.get(HUMAN_RESOURCES), "status", "OVERDUE");
        Map<String, Object> task9 = hr9.<Map<String, Object>>getList("items").stream()
                .filter(o -> Integer.valueOf(9).equals(o.get("taskSeq"))).findFirst().orElseThrow();
        assertEquals("2023-11-29", task9.get("dueOn"));
        assertEquals(2, task9.get("workdaysLate"));
    }

    @Test
    @Order(34)
    void step3_educationAgenda() {
        String unit = units.get(EDUCATION);
        JsonPath agenda = report(Tokens.unit(REGION, unit)).queryParam("asOf", "2023-12-01")
                .get(BASE + "/units/" + unit + "/agenda").then().statusCode(200).extract().jsonPath();
        assertEquals(EDUCATION, agenda.getString("unitName"));
        assertEquals(List.of(18), agenda.getList("overdue.taskSeq"));
        assertEquals(Set.of(10, 16, 17), new HashSet<>(agenda.getList("done.taskSeq")));
        assertEquals(List.of("DONE_ON_TIME"), agenda.getList("done.status").stream().distinct().toList());
        // the three 2023年年底前完成 tasks it leads
        assertEquals(Set.of(11, 36, 37), new HashSet<>(agenda.getList("open.taskSeq")));
        assertEquals(List.of(), agenda.getList("dueSoon"));

        Map<String, Object> event10 = agenda.<Map<String, Object>>getList("done").stream()
                .filter(o -> Integer.valueOf(10).equals(o.get("taskSeq"))).findFirst().orElseThrow();
        // task 10's rule is 信息形成或变更之日起 20 个工作日: 09-25 + 20 working days over 国庆 (10 would be 10-13)
        assertEquals("2023-10-27", event10.get("dueOn"));
        assertEquals("2023-10-12", event10.get("completedOn"));
    }

    @Test
    @Order(35)
    void step3_civilAffairsEventIsJudgedOnTheWorkdayCalendar() {
        JsonPath civil = obligations("asOf", "2023-12-01", "unitId", units.get(CIVIL_AFFAIRS), "status", "DONE_LATE");
        Map<String, Object> task12 = civil.<Map<String, Object>>getList("items").stream()
                .filter(o -> Integer.valueOf(12).equals(o.get("taskSeq"))).findFirst().orElseThrow();
        assertEquals("2023-11-06", task12.get("dueOn"), "信息形成 10-09 + 20 working days");
        assertEquals(2, task12.get("workdaysLate"), "completed 11-08");
        assertEquals(2, civil.getInt("total"));

        // the calendar endpoint agrees with the due dates above
        assertEquals("2023-09-06", workdaysAdd("2023-08-09", 20));
        assertEquals("2023-10-13", workdaysAdd("2023-09-25", 10));
        assertEquals("2023-10-27", workdaysAdd("2023-09-25", 20));
    }

    String workdaysAdd(String from, int workdays) {
        return report(supervisor).queryParam("from", from).queryParam("workdays", workdays).get("/api/v1/calendar/workdays/add")
                .then().statusCode(200).body("provisional", is(false)).extract().path("date");
    }

    @Test
    @Order(36)
    void step3_dashboardAsOfDecemberFirst() {
        JsonPath d = report(supervisor).queryParam("asOf", "2023-12-01").queryParam("planId", planId)
                .get(BASE + "/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(140, d.getInt("total"));
        // on time: 教体局 17, 10, 16 · late: 民政局 17, 12; 审批局 17 · open: the eight 年底前 leads (审批局's 12-29 not known yet)
        assertEquals(Map.of("OPEN", 8, "DUE_SOON", 0, "OVERDUE", 126, "DONE_ON_TIME", 3, "DONE_LATE", 3, "PENDING_REVIEW", 0), d.getMap("totals"));
        assertEquals(3.0 / 132, d.getDouble("onTimeRate"), 1e-3);
        // 人社局: 16, 17 (only in progress), 18 and its task-9 event; everyone else of the 43 has at most 3
        assertEquals(HUMAN_RESOURCES, d.getString("overdueByUnit[0].unitName"));
        assertEquals(1, d.getInt("overdueByUnit[0].rank"));
        assertEquals(4, d.getInt("overdueByUnit[0].overdue"));
        assertEquals(ALL_DEPARTMENTS, d.getList("overdueByUnit").size());
        Map<String, Integer> dueByMonth = d.<Map<String, Object>>getList("monthlyTrend").stream()
                .filter(m -> (Integer) m.get("due") > 0)
                .collect(Collectors.toMap(m -> (String) m.get("month"), m -> (Integer) m.get("due")));
        assertEquals(Map.of("2023-09", 43, "2023-10", 87, "2023-11", 2, "2023-12", 8), dueByMonth);

        // what still waits for the supervisor: the undesignated groups of 6, 25, 26, 32, 40 (9 and 39 were settled in step 1)
        assertEquals(Set.of(6, 25, 26, 32, 40), new HashSet<>(d.getList("needsReview.tasks.seq")));
        assertEquals(0, d.getInt("needsReview.unparsedTasks"), "every 时限 of the table is understood");

        JsonPath beforeNewYear = report(supervisor).queryParam("asOf", "2023-12-20").queryParam("planId", planId)
                .get(BASE + "/dashboard").then().statusCode(200).extract().jsonPath();
        // 12-20 + 10 working days reaches past 元旦 to 2024-01-04: the eight 年底前 tasks fall in it
        assertEquals("2024-01-04", beforeNewYear.getString("dueNext10Workdays.until"));
        assertEquals(8, beforeNewYear.getInt("dueNext10Workdays.count"));

        JsonPath atYearEnd = report(supervisor).queryParam("asOf", "2024-01-02").queryParam("planId", planId)
                .get(BASE + "/dashboard").then().statusCode(200).extract().jsonPath();
        // 审批局's 39 (done 12-29) is on time; the other seven 年底前 tasks are overdue now
        assertEquals(Map.of("OPEN", 0, "DUE_SOON", 0, "OVERDUE", 133, "DONE_ON_TIME", 4, "DONE_LATE", 3, "PENDING_REVIEW", 0), atYearEnd.getMap("totals"));
    }

    // ---- step 3b: the quarterly 通报 and the year-end 考核 ---------------------------------------

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * Findings of the year: 县商务局 2 points in Q3; 县民政局 5 points in Q4, corrected to 3 (a new finding voiding
     * the first, never an edit); 县人力资源社会保障局 2 points in Q4.
     */
    @Test
    @Order(37)
    void step3b_supervisorSetsTheProfileAndRecordsFindings() {
        // a 通报 names its issuer: none before the profile is set
        report(supervisor).contentType("application/json").body(Map.of("year", 2023, "quarter", 3))
                .post(BASE + "/bulletins").then().statusCode(409).contentType("application/problem+json");
        report(supervisor).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县大数据中心"))
                .put(BASE + "/profile").then().statusCode(200);

        finding(COMMERCE, "2023-08-15", "DAILY_CHECK", "政府信息公开指南未及时更新", 2, null);
        String wrong = finding(CIVIL_AFFAIRS, "2023-11-20", "QUARTERLY_CHECK", "政策解读材料未与政策文件同步发布", 5, null);
        finding(CIVIL_AFFAIRS, "2023-11-20", "QUARTERLY_CHECK", "（更正）政策解读材料未与政策文件同步发布", 3, wrong);
        finding(HUMAN_RESOURCES, "2023-12-05", "DAILY_CHECK", "招聘公告发布后未公开结果", 2, null);
        // the corrected finding cannot be corrected a second time
        report(supervisor).contentType("application/json").body(Map.of("unitId", units.get(CIVIL_AFFAIRS), "foundOn", "2023-11-21",
                        "source", "QUARTERLY_CHECK", "description", "再次更正", "points", 1, "voids", wrong))
                .post(BASE + "/findings").then().statusCode(409);
        // a unit reads its own findings only
        String civil = Tokens.unit(REGION, units.get(CIVIL_AFFAIRS));
        report(civil).queryParam("unitId", units.get(CIVIL_AFFAIRS)).get(BASE + "/findings").then().statusCode(200);
        report(civil).queryParam("unitId", units.get(COMMERCE)).get(BASE + "/findings").then().statusCode(403);
    }

    /**
     * Q3 (07-01 to 09-30, as of 09-30): task 17 is the only thing due — 43 obligations; 教体局 on time, 民政局 (09-07)
     * and 审批局 (09-20) late, the other 40 overdue (人社局's is only in progress).
     */
    @Test
    @Order(38)
    void step3b_thirdQuarterBulletin() throws Exception {
        JsonPath b = createBulletin(3);
        script.put("bulletinQ3", b.getString("id"));
        assertEquals("DRAFT", b.getString("status"));
        assertEquals("沂源县2023年第三季度政务公开重点工作落实情况通报", b.getString("content.title"));
        assertEquals("2023-09-30", b.getString("content.asOf"));
        assertTotals(b, "content.overall", 43, 1, 2, 40, 0, 0.0233);
        assertTotals(b, "content.previous.totals", 0, 0, 0, 0, 0, null);
        assertEquals(Map.of("due", 43, "onTime", 1, "late", 2, "overdue", 40), withoutRate(b.getMap("content.change")));

        List<Map<String, Object>> rows = b.getList("content.units");
        assertEquals(ALL_DEPARTMENTS, rows.size());
        assertEquals(Map.of(1, 1L, 2, 2L, 4, 40L), countBy(rows.stream().map(r -> (Integer) r.get("rank")).toList()));
        assertEquals(EDUCATION, rows.get(0).get("unitName"));
        assertEquals(Set.of(CIVIL_AFFAIRS, APPROVAL), rows.stream().filter(r -> r.get("rank").equals(2))
                .map(r -> r.get("unitName")).collect(Collectors.toSet()));

        List<Map<String, Object>> late = b.getList("content.lateItems");
        assertEquals(42, late.size());
        assertEquals(Map.of("OVERDUE", 40L, "DONE_LATE", 2L), countBy(late.stream().map(i -> (String) i.get("status")).toList()));
        Map<String, Object> approval = late.stream().filter(i -> APPROVAL.equals(i.get("unitName"))).findFirst().orElseThrow();
        assertEquals(10, approval.get("workdaysLate"));
        assertEquals(17, approval.get("taskSeq"));
        assertEquals("2023-09-06", approval.get("dueOn"));

        assertEquals(List.of(COMMERCE), b.getList("content.findings.unitName"));
        assertEquals(2.0, b.getDouble("content.findings[0].points"), 1e-9);
        assertEquals(List.of(EDUCATION), b.getList("content.praised.unitName"));
        assertEquals(40, b.getList("content.criticized").size());

        // the same content as a 公文 in Word
        try (XWPFDocument docx = docx(b.getString("id"))) {
            String text = docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertEquals("沂源县2023年第三季度政务公开重点工作落实情况通报", docx.getParagraphs().get(0).getText());
            assertTrue(text.contains("本季度到期应办事项43项，其中按时办结1项，逾期办结2项，逾期未办结40项"), text);
            assertTrue(text.contains("沂源县人民政府办公室"), "issuer at the end");
            XWPFTable units = docx.getTables().get(0);
            assertEquals(1 + ALL_DEPARTMENTS + 1, units.getNumberOfRows(), "header, 43 units, 合计");
            assertEquals("排名", units.getRow(0).getCell(0).getText());
            assertTrue(units.getRow(0).isRepeatHeader(), "header row repeated on every page");
            XWPFTableRow sum = units.getRow(units.getNumberOfRows() - 1);
            assertEquals(List.of("合计", "", "43", "1", "2", "40"),
                    sum.getTableCells().subList(0, 6).stream().map(c -> c.getText()).toList());
            assertEquals(1 + 42, docx.getTables().get(1).getNumberOfRows(), "header and the 42 late items");
        }
    }

    /**
     * Q4 (as of 12-31): tasks 16 and 18 (43 each, due 10-31), the three event obligations, the eight 年底前 tasks due 12-31
     * — 97 due; on time 教体局 16 and 10, 审批局 39; late 民政局 12; the other seven 年底前 still pending on 12-31.
     */
    @Test
    @Order(39)
    void step3b_fourthQuarterBulletinComparesWithTheThird() throws Exception {
        JsonPath b = createBulletin(4);
        script.put("bulletinQ4", b.getString("id"));
        assertTotals(b, "content.overall", 97, 3, 1, 86, 7, 0.0333);
        assertTotals(b, "content.previous.totals", 43, 1, 2, 40, 0, 0.0233);
        assertEquals(Map.of("due", 54, "onTime", 2, "late", -1, "overdue", 46), withoutRate(b.getMap("content.change")));
        assertEquals(0.0100, b.getDouble("content.change.onTimeRate"), 2e-4);

        List<Map<String, Object>> rows = b.getList("content.units");
        int dueUnits = new HashSet<>(obligations("asOf", "2023-12-31", "dueFrom", "2023-10-01", "dueTo", "2023-12-31")
                .getList("items.unitId")).size();
        assertEquals(dueUnits, rows.size());
        Map<String, Map<String, Object>> byName = rows.stream().collect(Collectors.toMap(r -> (String) r.get("unitName"), r -> r));
        assertRow(byName.get(EDUCATION), 1, 6, 2, 0, 1, 3);
        assertRow(byName.get(APPROVAL), 2, 3, 1, 0, 2, 0);
        // rate 0 for both: fewer overdue ranks first, then fewer late — 民政局 (2 overdue, 1 late) before 人社局 (3 overdue)
        assertTrue((Integer) byName.get(CIVIL_AFFAIRS).get("rank") < (Integer) byName.get(HUMAN_RESOURCES).get("rank"));
        assertRow(byName.get(HUMAN_RESOURCES), (Integer) byName.get(HUMAN_RESOURCES).get("rank"), 3, 0, 0, 3, 0);

        assertEquals(86 + 1, b.getList("content.lateItems").size());
        assertEquals(List.of(), b.getList("content.praised"));
        assertEquals(ALL_DEPARTMENTS, b.getList("content.criticized").size(), "every unit still owes task 18");
        Map<String, Float> findings = b.<Map<String, Object>>getList("content.findings").stream()
                .collect(Collectors.toMap(f -> (String) f.get("unitName"), f -> ((Number) f.get("points")).floatValue()));
        assertEquals(Map.of(CIVIL_AFFAIRS, 3f, HUMAN_RESOURCES, 2f), findings, "the corrected finding counts 3, not 5");

        try (XWPFDocument docx = docx(b.getString("id"))) {
            String text = docx.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("本季度到期应办事项97项，其中按时办结3项，逾期办结1项，逾期未办结86项，截至统计日尚未逾期、仍在办理7项"), text);
            assertTrue(text.contains("与上季度（到期43项"), text);
        }
    }

    /**
     * 2023 考核 as of 2024-01-01 with the default scheme (100 − 2 per overdue − 1 per late; inspection 100 − points;
     * half each): 审批局 95 / 100 → 97.5; 民政局 94 / 97 → 95.5; 商务局 94 / 98 → 96; 人社局 92 / 98 → 95; 教体局 92 / 100 → 96.
     */
    @Test
    @Order(40)
    void step3b_yearEndAssessment() throws Exception {
        JsonPath a = report(supervisor).get(BASE + "/assessments/2023").then().statusCode(200).extract().jsonPath();
        assertEquals("2024-01-01", a.getString("asOf"));
        assertEquals(false, a.getBoolean("finalized"));
        Map<String, Map<String, Object>> byName = a.<Map<String, Object>>getList("units").stream()
                .collect(Collectors.toMap(u -> (String) u.get("unitName"), u -> u));
        assertUnit(byName.get(APPROVAL), 4, 1, 1, 2, 95, 100, 97.5);
        assertUnit(byName.get(CIVIL_AFFAIRS), 4, 0, 2, 2, 94, 97, 95.5);
        assertUnit(byName.get(COMMERCE), 3, 0, 0, 3, 94, 98, 96);
        assertUnit(byName.get(HUMAN_RESOURCES), 4, 0, 0, 4, 92, 98, 95);
        assertUnit(byName.get(EDUCATION), 7, 3, 0, 4, 92, 100, 96);
        // ranks follow totals and ties share one
        for (Map<String, Object> u : byName.values()) {
            double total = ((Number) u.get("total")).doubleValue();
            long better = byName.values().stream().filter(o -> ((Number) o.get("total")).doubleValue() > total).count();
            assertEquals(better + 1, ((Number) u.get("rank")).longValue(), u.get("unitName") + " " + total);
        }

        byte[] xlsx = report(supervisor).accept(XLSX).get(BASE + "/assessments/2023").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(List.of("汇总", "任务明细", "检查问题"),
                    List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)));
            org.apache.poi.ss.usermodel.Sheet summary = book.getSheet("汇总");
            assertEquals(byName.size() + 1, summary.getLastRowNum(), "one row per unit below the title and the header");
            org.apache.poi.ss.usermodel.Row approvalRow = null;
            for (int i = 2; i <= summary.getLastRowNum(); i++) {
                for (org.apache.poi.ss.usermodel.Cell c : summary.getRow(i)) {
                    if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && APPROVAL.equals(c.getStringCellValue())) {
                        approvalRow = summary.getRow(i);
                    }
                }
            }
            org.apache.poi.ss.usermodel.Row found = java.util.Objects.requireNonNull(approvalRow, "审批局 in 汇总");
            assertTrue(java.util.stream.StreamSupport.stream(found.spliterator(), false)
                    .anyMatch(c -> c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && c.getNumericCellValue() == 97.5),
                    "the total is a number cell");
            assertEquals(141, book.getSheet("任务明细").getLastRowNum(), "every obligation of the year");
            assertEquals(4, book.getSheet("检查问题").getLastRowNum(), "the three findings that count");
        }
    }

    /** Published and finalized documents never change: a later (late) report of 商务局 shows only in a new bulletin. */
    @Test
    @Order(41)
    void step3b_publishedBulletinAndFinalizedAssessmentAreFrozen() {
        String q3 = script.get("bulletinQ3");
        report(supervisor).post(BASE + "/bulletins/" + q3 + "/publish").then().statusCode(200);
        report(supervisor).post(BASE + "/bulletins/" + q3 + "/publish").then().statusCode(409);
        report(supervisor).post(BASE + "/assessments/2023/finalize").then().statusCode(200);
        report(Tokens.unit(REGION, units.get(COMMERCE))).post(BASE + "/bulletins/" + q3 + "/publish").then().statusCode(403);

        done(Tokens.unit(REGION, units.get(COMMERCE)), assignment(17, COMMERCE), "2023-09-25", null, null).then().statusCode(201);
        Api.catchUp(cluster.report, cluster.task, written);

        JsonPath published = report(supervisor).get(BASE + "/bulletins/" + q3).then().statusCode(200).extract().jsonPath();
        assertEquals("PUBLISHED", published.getString("status"));
        assertTotals(published, "content.overall", 43, 1, 2, 40, 0, 0.0233);
        JsonPath again = createBulletin(3);
        assertTotals(again, "content.overall", 43, 1, 3, 39, 0, 0.0233);

        JsonPath frozen = report(supervisor).get(BASE + "/assessments/2023").then().statusCode(200).extract().jsonPath();
        assertEquals(true, frozen.getBoolean("finalized"));
        Map<String, Object> commerce = frozen.<Map<String, Object>>getList("units").stream()
                .filter(u -> COMMERCE.equals(u.get("unitName"))).findFirst().orElseThrow();
        assertUnit(commerce, 3, 0, 0, 3, 94, 98, 96);
    }

    String finding(String unitName, String foundOn, String source, String description, int points, String voids) {
        Map<String, Object> body = new HashMap<>(Map.of("unitId", units.get(unitName), "foundOn", foundOn, "source", source,
                "description", description, "points", points));
        if (voids != null) {
            body.put("voids", voids);
        }
        return report(supervisor).contentType("application/json").body(body).post(BASE + "/findings").then().statusCode(201)
                .extract().path("id");
    }

    JsonPath createBulletin(int quarter) {
        return report(supervisor).contentType("application/json").body(Map.of("year", 2023, "quarter", quarter))
                .post(BASE + "/bulletins").then().statusCode(201).extract().jsonPath();
    }

    XWPFDocument docx(String bulletinId) throws java.io.IOException {
        byte[] bytes = report(supervisor).accept(DOCX).get(BASE + "/bulletins/" + bulletinId).then().statusCode(200)
                .contentType(DOCX).extract().asByteArray();
        return new XWPFDocument(new java.io.ByteArrayInputStream(bytes));
    }

    static void assertTotals(JsonPath b, String at, int due, int onTime, int late, int overdue, int pending, Double rate) {
        assertEquals(List.of(due, onTime, late, overdue, pending), List.of(b.getInt(at + ".due"), b.getInt(at + ".onTime"),
                b.getInt(at + ".late"), b.getInt(at + ".overdue"), b.getInt(at + ".pending")), at);
        if (rate == null) {
            org.junit.jupiter.api.Assertions.assertNull(b.get(at + ".onTimeRate"), at);
        } else {
            assertEquals(rate, b.getDouble(at + ".onTimeRate"), 1e-4, at);
        }
    }

    static Map<String, Object> withoutRate(Map<String, Object> change) {
        Map<String, Object> m = new HashMap<>(change);
        m.remove("onTimeRate");
        return m;
    }

    static void assertRow(Map<String, Object> row, int rank, int due, int onTime, int late, int overdue, int pending) {
        assertEquals(List.of(rank, due, onTime, late, overdue, pending), List.of(row.get("rank"), row.get("due"), row.get("onTime"),
                row.get("late"), row.get("overdue"), row.get("pending")), String.valueOf(row.get("unitName")));
    }

    @SuppressWarnings("unchecked")
    static void assertUnit(Map<String, Object> u, int due, int onTime, int late, int overdue, double task, double inspection,
            double total) {
        Map<String, Object> t = (Map<String, Object>) u.get("task");
        Map<String, Object> i = (Map<String, Object>) u.get("inspection");
        String who = String.valueOf(u.get("unitName"));
        assertEquals(List.of(due, onTime, late, overdue), List.of(t.get("due"), t.get("onTime"), t.get("doneLate"), t.get("overdueOpen")), who);
        assertEquals(task, ((Number) t.get("score")).doubleValue(), 1e-9, who);
        assertEquals(inspection, ((Number) i.get("score")).doubleValue(), 1e-9, who);
        assertEquals(total, ((Number) u.get("total")).doubleValue(), 1e-9, who);
    }

    // ---- step 5: a unit sees and touches only its own data ---------------------------------------

    /** One request a {@code unit} token of 县商务局 makes on 县民政局's data, and the statuses that refuse it. */
    record Probe(String what, Service service, String method, String path, Map<String, ?> query, Object body,
            Set<Integer> refused) {
    }

    enum Service { ORG, TASK, REPORT }

    @Test
    @Order(50)
    void step5_aUnitSeesAndTouchesOnlyItsOwnData() {
        String other = units.get(CIVIL_AFFAIRS);
        String otherAssignment = assignment(17, CIVIL_AFFAIRS);
        String otherEvent = assignment(12, CIVIL_AFFAIRS);
        String otherEventId = task(supervisor).get(BASE + "/assignments/" + otherEvent + "/events").then().statusCode(200)
                .extract().path("items[0].id");
        String token = Tokens.unit(REGION, units.get(COMMERCE));
        Set<Integer> forbiddenOrHidden = Set.of(403, 404);
        Map<String, Object> report = Map.of("status", "DONE", "completedOn", "2023-09-01", "note", "冒名报告");
        Map<String, Object> event = Map.of("trigger", "INFO_CHANGED", "occurredOn", "2023-10-10", "title", "冒名事件");
        List<Probe> probes = List.of(
                new Probe("agenda of another unit", Service.REPORT, "GET", BASE + "/units/" + other + "/agenda", Map.of(), null, Set.of(403)),
                new Probe("obligations filtered by another unit", Service.REPORT, "GET", BASE + "/obligations",
                        Map.of("unitId", other), null, Set.of(403)),
                new Probe("overdue filtered by another unit", Service.REPORT, "GET", BASE + "/overdue",
                        Map.of("unitId", other), null, Set.of(403)),
                new Probe("dashboard", Service.REPORT, "GET", BASE + "/dashboard", Map.of(), null, Set.of(403)),
                new Probe("projection rebuild", Service.REPORT, "POST", "/api/v1/admin/projection/rebuild", Map.of(), null, Set.of(403)),
                new Probe("assignments filtered by another unit", Service.TASK, "GET", BASE + "/assignments",
                        Map.of("unitId", other), null, Set.of(403)),
                new Probe("another unit's assignment", Service.TASK, "GET", BASE + "/assignments/" + otherAssignment, Map.of(), null,
                        forbiddenOrHidden),
                new Probe("reports of another unit's assignment", Service.TASK, "GET", BASE + "/assignments/" + otherAssignment + "/reports",
                        Map.of(), null, forbiddenOrHidden),
                new Probe("report on another unit's assignment", Service.TASK, "POST",
                        BASE + "/assignments/" + otherAssignment + "/reports", Map.of(), report, forbiddenOrHidden),
                new Probe("events of another unit's assignment", Service.TASK, "GET", BASE + "/assignments/" + otherEvent + "/events",
                        Map.of(), null, forbiddenOrHidden),
                new Probe("event on another unit's assignment", Service.TASK, "POST", BASE + "/assignments/" + otherEvent + "/events",
                        Map.of(), event, forbiddenOrHidden),
                new Probe("task correction", Service.TASK, "PUT", BASE + "/tasks/" + tasks.get(12), Map.of(),
                        Map.of("responsibleText", COMMERCE), Set.of(403)),
                new Probe("designations", Service.TASK, "POST", BASE + "/tasks/" + tasks.get(9) + "/designations", Map.of(),
                        Map.of("unitIds", List.of(units.get(COMMERCE))), Set.of(403)),
                new Probe("another unit's org record", Service.ORG, "PUT", BASE + "/units/" + other, Map.of(),
                        Map.of("name", CIVIL_AFFAIRS, "kind", "DEPARTMENT", "aliases", List.of()), Set.of(403)),
                new Probe("deactivate another unit", Service.ORG, "DELETE", BASE + "/units/" + other, Map.of(), null, Set.of(403)),
                new Probe("report naming another unit's event", Service.TASK, "POST",
                        BASE + "/assignments/" + assignment(1, COMMERCE) + "/reports", Map.of(),
                        Map.of("status", "DONE", "completedOn", "2023-10-20", "note", "已公开", "eventId", otherEventId), Set.of(422)),
                new Probe("table import", Service.TASK, "POST", BASE + "/plans/" + planId + "/import", Map.of(),
                        Fixtures.bytes(Fixtures.KEY_TASKS_TSV), Set.of(403)),
                new Probe("new plan", Service.TASK, "POST", BASE + "/plans", Map.of(),
                        Map.of("title", "冒名方案", "year", 2023, "kind", "ROUTINE"), Set.of(403)),
                new Probe("new unit", Service.ORG, "POST", BASE + "/units", Map.of(),
                        Map.of("name", "冒名单位", "kind", "DEPARTMENT"), Set.of(403)),
                new Probe("new group", Service.ORG, "POST", BASE + "/groups", Map.of(),
                        Map.of("name", "冒名分组", "unitIds", List.of(other)), Set.of(403)),
                new Probe("projection sync", Service.REPORT, "POST", "/api/v1/admin/projection/sync", Map.of(), null, Set.of(403)),
                new Probe("calendar upload", Service.REPORT, "PUT", "/api/v1/calendar/2027", Map.of(),
                        Map.of("year", 2027, "holidays", List.of()), Set.of(403)),
                new Probe("another region's obligations", Service.REPORT, "GET", "/api/v1/regions/370302/obligations", Map.of(), null,
                        Set.of(403)),
                new Probe("another region's assignments", Service.TASK, "GET", "/api/v1/regions/370302/assignments", Map.of(), null,
                        Set.of(403)),
                new Probe("another region's units", Service.ORG, "GET", "/api/v1/regions/370302/units", Map.of(), null,
                        Set.of(403)));

        long reportsBefore = reportsOf(otherAssignment).size();
        long eventsBefore = eventsOf(otherEvent);
        List<String> failures = new ArrayList<>();
        for (Probe p : probes) {
            RequestSpecification r = switch (p.service()) {
                case ORG -> org(token);
                case TASK -> task(token);
                case REPORT -> report(token);
            };
            r.queryParams(p.query()).header("If-Match", "\"1\"");
            if (p.body() instanceof byte[] table) {
                r.contentType("text/tab-separated-values").body(table);
            } else if (p.body() != null) {
                r.contentType("application/json").body(p.body());
            }
            int status = r.request(p.method(), p.path()).statusCode();
            if (!p.refused().contains(status)) {
                failures.add(p.what() + ": " + p.method() + " " + p.path() + " → " + status);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(reportsBefore, reportsOf(otherAssignment).size(), "nothing written to the other unit's reports");
        assertEquals(eventsBefore, eventsOf(otherEvent), "nothing written to the other unit's events");
        org(supervisor).get(BASE + "/units/" + other).then().statusCode(200).body("active", is(true));
        // and the same token still reads its own
        report(token).get(BASE + "/units/" + units.get(COMMERCE) + "/agenda").then().statusCode(200);
        task(token).get(BASE + "/assignments").then().statusCode(200).body("items.unitName", hasItem(COMMERCE));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /**
     * A unit account as a county sets one up: the supervisor creates it at org-service (a generated password), the
     * 联络员 signs in, must change the password first, and renews the session for a full token.
     */
    String signIn(String unitName, String username) {
        String initial = org(supervisor).contentType("application/json")
                .body(Map.of("username", username, "displayName", unitName + "联络员", "role", "unit", "unitId", units.get(unitName)))
                .post(BASE + "/accounts").then().statusCode(201).extract().path("initialPassword");
        var session = given().baseUri(cluster.org.url()).contentType("application/json")
                .body(Map.of("username", username, "password", initial)).post("/api/v1/auth/login")
                .then().statusCode(200).body("mustChangePassword", equalTo(true)).extract();
        given().baseUri(cluster.org.url()).contentType("application/json")
                .header("Authorization", Tokens.bearer(session.path("accessToken")))
                .body(Map.of("currentPassword", initial, "newPassword", "Jyj#2023gk")).post("/api/v1/auth/password")
                .then().statusCode(204);
        return given().baseUri(cluster.org.url()).contentType("application/json")
                .body(Map.of("refreshToken", session.path("refreshToken"))).post("/api/v1/auth/refresh")
                .then().statusCode(200).body("account.unitId", equalTo(units.get(unitName))).extract().path("accessToken");
    }

    RequestSpecification org(String token) {
        return Api.as(cluster.org, token);
    }

    RequestSpecification task(String token) {
        return Api.as(cluster.task, token);
    }

    RequestSpecification report(String token) {
        return Api.as(cluster.report, token);
    }

    /** The assignment of task {@code seq} held by the named unit. */
    String assignment(int seq, String unitName) {
        List<String> ids = task(supervisor).queryParam("taskId", tasks.get(seq)).queryParam("unitId", units.get(unitName))
                .get(BASE + "/assignments").then().statusCode(200).extract().path("items.id");
        assertEquals(1, ids.size(), "one assignment of task " + seq + " for " + unitName);
        return ids.get(0);
    }

    String etag(String assignmentId) {
        return task(supervisor).get(BASE + "/assignments/" + assignmentId).then().statusCode(200).extract().header("ETag");
    }

    Response done(String token, String assignmentId, String completedOn, String eventId, String idempotencyKey) {
        return done(token, assignmentId, completedOn, eventId, idempotencyKey, etag(assignmentId));
    }

    Response done(String token, String assignmentId, String completedOn, String eventId, String idempotencyKey, String ifMatch) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", "DONE");
        body.put("completedOn", completedOn);
        body.put("note", "已在县政府门户网站公开");
        body.put("evidenceUrls", List.of("http://www.yiyuan.gov.cn/gongkai/" + assignmentId));
        if (eventId != null) {
            body.put("eventId", eventId);
        }
        RequestSpecification r = task(token).contentType("application/json").header("If-Match", ifMatch).body(body);
        if (idempotencyKey != null) {
            r.header("Idempotency-Key", idempotencyKey);
        }
        Response response = r.post(BASE + "/assignments/" + assignmentId + "/reports");
        if (response.statusCode() == 201) {
            written.add(response.path("report.id"));
        }
        return response;
    }

    /** A 信息形成 event on the assignment; returns its id. */
    String event(String token, String assignmentId, String occurredOn, String title) {
        String id = task(token).contentType("application/json")
                .body(Map.of("trigger", "INFO_CHANGED", "occurredOn", occurredOn, "title", title))
                .post(BASE + "/assignments/" + assignmentId + "/events").then().statusCode(201).extract().path("id");
        written.add(id);
        return id;
    }

    List<Object> reportsOf(String assignmentId) {
        return task(supervisor).get(BASE + "/assignments/" + assignmentId + "/reports").then().statusCode(200).extract().path("items");
    }

    long eventsOf(String assignmentId) {
        return task(supervisor).get(BASE + "/assignments/" + assignmentId + "/events").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    JsonPath obligations(String... params) {
        RequestSpecification r = report(supervisor).queryParam("size", 500);
        for (int i = 0; i < params.length; i += 2) {
            r.queryParam(params[i], params[i + 1]);
        }
        JsonPath page = r.get(BASE + "/obligations").then().statusCode(200).extract().jsonPath();
        assertTrue(page.getInt("total") <= 500, "one page holds them all");
        return page;
    }

    JsonPath overdue(String asOf) {
        return report(supervisor).queryParam("asOf", asOf).queryParam("size", 500).get(BASE + "/overdue")
                .then().statusCode(200).extract().jsonPath();
    }

    Set<String> obligationIds(String asOf) {
        List<String> ids = obligations("asOf", asOf).getList("items.id");
        Set<String> set = new HashSet<>(ids);
        assertEquals(ids.size(), set.size(), "no obligation twice");
        assertNotEquals(0, set.size());
        return set;
    }

    static <T> Map<T, Long> countBy(List<T> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
    }
}
