package io.duban.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.duban.testing.Fixtures;
import io.duban.testing.Tokens;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console in a real browser (Debian's Chromium) against the four packaged services: a supervisor
 * and two departments' 联络员 work through the year's first steps as a person would, and each step
 * checks what a person would check on the page — plus that the page's numbers are report-service's.
 * No step may leave an error in the browser console. Screenshots go to {@code e2e/target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String REGION = "370323";
    static final String BASE = "/api/v1/regions/" + REGION;
    static final String NEW_PASSWORD = "Duban-2023-ok";
    static final String EDUCATION = "县教育和体育局";
    static final String CIVIL_AFFAIRS = "县民政局";

    Cluster cluster;
    ServiceProcess console;
    Browser browser;
    final String supervisorToken = Tokens.supervisor(REGION);
    final Map<String, String> units = new HashMap<>();
    /** username → initial password. */
    final Map<String, String> initial = new HashMap<>();
    Page supervisor;
    Page phone;
    String planId;
    /** Console errors a step expects (a 403 or 404 answer is logged by Chromium as a failed resource). */
    int expectedFailedLoads;

    @BeforeAll
    void start() throws Exception {
        cluster = new Cluster().start();
        console = cluster.startConsole();
        Api.as(cluster.report, supervisorToken).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县大数据中心"))
                .put(BASE + "/profile").then().statusCode(200);
        account("dsj_admin", "县大数据中心管理员", "supervisor", null);
        browser = new Browser(cluster.root);
    }

    /** The departments' 联络员, once the supervisor has loaded the units (as the 大数据中心 invites them). */
    private void unitAccounts() {
        JsonPath unitPage = Api.as(cluster.org, supervisorToken).queryParam("size", 100).get(BASE + "/units")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> u : unitPage.<Map<String, Object>>getList("items")) {
            units.put((String) u.get("name"), (String) u.get("id"));
        }
        account("jyj", "教体局联络员", "unit", units.get(EDUCATION));
        account("mzj", "民政局联络员", "unit", units.get(CIVIL_AFFAIRS));
        account("lcz", "鲁村镇联络员", "unit", units.get("鲁村镇"));
    }

    private void account(String username, String name, String role, String unitId) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", name, "role", role));
        if (unitId != null) {
            body.put("unitId", unitId);
        }
        String password = Api.as(cluster.org, supervisorToken).contentType("application/json").body(body)
                .post(BASE + "/accounts").then().statusCode(201).extract().path("initialPassword");
        initial.put(username, password);
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> unexpected = browser.errors.stream()
                .filter(e -> !(expectedFailedLoads > 0 && e.contains("Failed to load resource")))
                .collect(Collectors.toList());
        browser.errors.clear();
        expectedFailedLoads = 0;
        assertEquals(List.of(), unexpected, "errors in the browser console");
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String url(String path) {
        return console.url() + path;
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/login"));
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button.primary");
    }

    /** First sign-in with the initial password: the console sends the person to change it first. */
    private void firstSignIn(Page page, String username) {
        signIn(page, username, initial.get(username));
        assertTrue(page.url().endsWith("/account/password"), page.url());
        assertTrue(page.textContent(".notice").contains("请先设置新密码"));
        browser.screenshot(page, "change-password");
        page.fill("#currentPassword", initial.get(username));
        page.fill("#newPassword", NEW_PASSWORD);
        page.fill("#confirmPassword", NEW_PASSWORD);
        page.click("button.primary");
        assertEquals("密码已修改。", page.textContent(".success").strip());
    }

    private JsonPath apiDashboard(LocalDate asOf) {
        return Api.as(cluster.report, supervisorToken).queryParam("asOf", asOf.toString()).get(BASE + "/dashboard")
                .then().statusCode(200).extract().jsonPath();
    }

    private long tile(Page page, String kpi) {
        return Long.parseLong(page.textContent("[data-kpi=" + kpi + "] .value").strip());
    }

    private long statusCount(Page page, String status) {
        return Long.parseLong(page.textContent("[data-status=" + status + "]").strip());
    }

    private static long total(JsonPath d, String status) {
        return d.getLong("totals." + status);
    }

    private void awaitCharts(Page page) {
        page.waitForSelector("#trend-chart[data-drawn=true]");
    }

    private void catchUp() {
        Api.catchUp(cluster.report, cluster.task, List.of());
    }

    // ---- the steps -------------------------------------------------------------------------------

    @Test
    @Order(10)
    void supervisorImportsTheFixtureThroughTheWizardAndDesignatesAReviewItem() {
        supervisor = browser.open(1366, 768, false);
        supervisor.navigate(url("/login"));
        browser.screenshot(supervisor, "login");
        firstSignIn(supervisor, "dsj_admin");

        // a new county: the unit table first
        supervisor.navigate(url("/units"));
        supervisor.click("details.card summary");
        supervisor.setInputFiles("#units-table", new FilePayload(Fixtures.UNITS_TSV, "text/tab-separated-values",
                Fixtures.bytes(Fixtures.UNITS_TSV)));
        supervisor.click("form[action='/units/import'] button.primary");
        assertEquals("单位表已导入（新增、更新、未变：59-0-0）。", supervisor.textContent(".success").strip());
        assertTrue(supervisor.locator("tbody tr").count() >= 59);
        unitAccounts();

        supervisor.navigate(url("/plans"));
        supervisor.fill("#title", "沂源县2023年政务公开工作方案");
        supervisor.fill("#docNumber", "源政办字〔2023〕25号");
        supervisor.fill("#issuedOn", "2023-08-09");
        supervisor.fill("#year", "2023");
        browser.screenshot(supervisor, "plans");
        supervisor.click("button.primary");
        assertTrue(supervisor.url().endsWith("/import"), supervisor.url());
        planId = supervisor.url().replaceAll(".*/plans/([^/]+)/import$", "$1");

        supervisor.setInputFiles("#table", new FilePayload(Fixtures.KEY_TASKS_XLSX,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Fixtures.bytes(Fixtures.KEY_TASKS_XLSX)));
        supervisor.click("button.primary");
        assertEquals("48", supervisor.textContent("[data-tasks]").strip());
        int reviewItems = Integer.parseInt(supervisor.textContent("[data-review-count]").strip());
        assertTrue(reviewItems > 0);
        assertEquals(reviewItems, supervisor.locator("tr.review").count(), "every review item highlighted");
        browser.fullScreenshot(supervisor, "import-preview");

        supervisor.click("button.primary");
        assertTrue(supervisor.url().contains("/plans/" + planId + "?imported=48"), supervisor.url());
        assertEquals(48, supervisor.locator(".plan-table tbody tr").count());
        assertTrue(supervisor.locator(".plan-table tr.review").count() > 0);
        // 本方案发布之日起20个工作日内 → 2023-09-06 (the 工作日 calendar, as report-service judged it)
        catchUp();
        supervisor.reload();
        assertTrue(supervisor.textContent("#task-17").contains("2023-09-06"), supervisor.textContent("#task-17"));
        browser.screenshot(supervisor, "plan-table");

        // a 责任单位 naming nobody (相关部门…): designate 县民政局
        Locator undesignated = supervisor.locator(".plan-table tr.review", new Page.LocatorOptions().setHasText("待指定责任单位")).first();
        undesignated.locator("td.num a").click();
        assertTrue(supervisor.textContent("main").contains("待指定责任单位"));
        supervisor.locator(".checklist label", new Page.LocatorOptions().setHasText(CIVIL_AFFAIRS)).first()
                .locator("input").check();
        supervisor.click("#designate-title + p + form button.primary");
        assertEquals("已指定责任单位。", supervisor.textContent(".success").strip());
        assertTrue(supervisor.textContent(".units").contains(CIVIL_AFFAIRS + "（负责）"), supervisor.textContent(".units"));
        browser.screenshot(supervisor, "task-designated");
    }

    @Test
    @Order(20)
    void theDashboardShowsReportServicesNumbersForTheSameDay() {
        catchUp();
        LocalDate asOf = LocalDate.of(2023, 10, 9);
        supervisor.navigate(url("/dashboard?asOf=" + asOf));
        awaitCharts(supervisor);
        JsonPath api = apiDashboard(asOf);
        long onTime = total(api, "DONE_ON_TIME");
        long late = total(api, "DONE_LATE");
        long overdue = total(api, "OVERDUE");
        assertTrue(overdue > 0, "2023-10-09 has overdue items");
        assertEquals(onTime + late + overdue, tile(supervisor, "due"));
        assertEquals(onTime, tile(supervisor, "onTime"));
        assertEquals(late, tile(supervisor, "late"));
        assertEquals(overdue, tile(supervisor, "overdue"));
        for (String s : List.of("OPEN", "DUE_SOON", "OVERDUE", "DONE_ON_TIME", "DONE_LATE")) {
            assertEquals(total(api, s), statusCount(supervisor, s), s);
        }
        assertEquals(api.getLong("total"), Long.parseLong(supervisor.textContent("[data-total]").strip()));
        Float rate = api.get("onTimeRate");
        String shown = supervisor.textContent("[data-kpi=rate] .value").strip();
        assertEquals(rate == null ? "—" : new BigDecimal(rate.toString()).movePointRight(2).setScale(2, RoundingMode.HALF_UP) + "%", shown);
        assertEquals(Math.min(10, overdue), supervisor.locator("#worst-title + div tbody tr").count());
        browser.screenshot(supervisor, "dashboard");

        Page wall = browser.open(1920, 1080, false);
        signIn(wall, "dsj_admin", NEW_PASSWORD);
        wall.navigate(url("/dashboard?asOf=" + asOf + "&wall=1"));
        awaitCharts(wall);
        assertEquals(overdue, tile(wall, "overdue"));
        assertEquals("60", wall.getAttribute("meta[http-equiv=refresh]", "content"));
        browser.screenshot(wall, "dashboard-wall");
        wall.context().close();
    }

    @Test
    @Order(30)
    void aUnitUserOnAPhoneReportsProgressAndTheDashboardChanges() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath before = apiDashboard(today);

        phone = browser.open(360, 740, true);
        firstSignIn(phone, "jyj");
        phone.navigate(url("/"));
        assertTrue(phone.url().endsWith("/workbench"), phone.url());
        assertTrue(phone.textContent("h1").contains(EDUCATION));
        int overdueItems = Integer.parseInt(phone.textContent("[data-count=overdue]").strip());
        assertTrue(overdueItems > 0, "2023's items are overdue today");
        assertTrue(phone.textContent("#overdue").contains("逾期"));
        browser.screenshot(phone, "workbench-phone");
        assertTrue((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at 360 px");

        // 第17项 (本方案发布之日起20个工作日内, due 2023-09-06): one dated duty, so one overdue item fewer
        phone.locator("#overdue .items a", new Page.LocatorOptions().setHasText("第17项")).first().click();
        phone.selectOption("#status", "DONE");
        phone.fill("#completedOn", today.toString());
        phone.fill("#note", "已在政府网站公开");
        phone.fill("#evidenceUrls", "http://www.yiyuan.gov.cn/art/2023/10/1/art_1.html");
        browser.screenshot(phone, "workbench-report-phone");
        phone.click("button.primary");
        assertEquals("进展已上报。", phone.textContent(".success").strip());
        assertTrue(phone.textContent(".items").contains("已在政府网站公开"));

        catchUp();
        JsonPath after = apiDashboard(today);
        assertEquals(total(before, "OVERDUE") - 1, total(after, "OVERDUE"));
        assertEquals(total(before, "DONE_LATE") + 1, total(after, "DONE_LATE"));
        supervisor.navigate(url("/dashboard?asOf=" + today));
        awaitCharts(supervisor);
        assertEquals(total(after, "OVERDUE"), tile(supervisor, "overdue"));
        assertEquals(total(after, "DONE_LATE"), tile(supervisor, "late"));

        phone.navigate(url("/workbench"));
        assertEquals(overdueItems - 1, Integer.parseInt(phone.textContent("[data-count=overdue]").strip()));
    }

    @Test
    @Order(40)
    void theWordBulletinDownloadedFromThePageIsAValidDocx() throws Exception {
        supervisor.navigate(url("/bulletins"));
        supervisor.fill("#year", "2023");
        supervisor.selectOption("#quarter", "3");
        supervisor.click("#draft-title ~ form button.primary");
        assertTrue(supervisor.textContent("h1").contains("2023年第3季度通报"));
        supervisor.frameLocator("iframe.preview").locator("body").waitFor();
        browser.screenshot(supervisor, "bulletin");

        Download download = supervisor.waitForDownload(() -> supervisor.click("#download-docx"));
        assertTrue(download.suggestedFilename().endsWith(".docx"), download.suggestedFilename());
        try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertTrue(text.contains("第三季度") || text.contains("三季度"), text);
            assertTrue(!doc.getTables().isEmpty(), "the bulletin's tables");
        }

        supervisor.onceDialog(d -> d.accept());
        supervisor.click("form[action$=publication] button");
        assertEquals("通报已发布。", supervisor.textContent(".success").strip());
    }

    @Test
    @Order(50)
    void fiveWrongPasswordsLockTheAccount() {
        Page page = browser.open(1366, 768, false);
        expectedFailedLoads = 6;
        for (int i = 1; i <= 5; i++) {
            signIn(page, "lcz", "Wrong-password-" + i);
            assertNotNull(page.textContent("#login-error"));
        }
        signIn(page, "lcz", initial.get("lcz"));
        String message = page.textContent("#login-error");
        assertTrue(message.contains("已锁定"), message);
        browser.screenshot(page, "login-locked");
        page.context().close();
    }

    @Test
    @Order(60)
    void aUnitUserCannotOpenAnotherUnitsItemNorASupervisorPage() {
        String civilAffairsAssignment = Api.as(cluster.task, supervisorToken).queryParam("unitId", units.get(CIVIL_AFFAIRS))
                .queryParam("size", 1).get(BASE + "/assignments").then().statusCode(200).extract().path("items[0].id");
        expectedFailedLoads = 3;
        var other = phone.navigate(url("/workbench/items/" + civilAffairsAssignment));
        assertEquals(404, other.status());
        assertTrue(phone.textContent("h1").contains("404"));
        browser.screenshot(phone, "unit-other-item-404");
        var dashboard = phone.navigate(url("/dashboard"));
        assertEquals(403, dashboard.status());
        assertTrue(phone.textContent("h1").contains("403"));
        var accounts = phone.navigate(url("/accounts"));
        assertEquals(403, accounts.status());
    }

    @Test
    @Order(70)
    void theSupervisorsOtherPagesShowTheRegion() {
        expectedFailedLoads = 1; // the refused finding below is a 400 page
        supervisor.navigate(url("/units?asOf=2023-12-31"));
        assertTrue(supervisor.locator("tbody tr").count() >= 59);
        browser.screenshot(supervisor, "units");
        supervisor.locator("tbody tr a", new Page.LocatorOptions().setHasText(EDUCATION)).first().click();
        assertTrue(supervisor.textContent("h1").contains(EDUCATION));
        browser.screenshot(supervisor, "unit-agenda");

        supervisor.navigate(url("/findings"));
        supervisor.selectOption("#unitId", units.get("县商务局"));
        supervisor.fill("#foundOn", "2023-08-15");
        supervisor.fill("#description", "政府信息公开指南未及时更新");
        supervisor.fill("#points", "2");
        supervisor.click("button.primary");
        assertTrue(supervisor.textContent("table").contains("政府信息公开指南未及时更新"));
        supervisor.fill("#points", "200");
        supervisor.fill("#description", "分值超出范围");
        supervisor.selectOption("#unitId", units.get("县商务局"));
        supervisor.click("button.primary");
        assertNotNull(supervisor.textContent(".form-error"), "a refused finding says why");
        browser.screenshot(supervisor, "findings");

        supervisor.navigate(url("/assessments?year=2023"));
        assertTrue(supervisor.locator("tbody tr").count() > 10);
        browser.screenshot(supervisor, "assessment");
        supervisor.navigate(url("/alerts"));
        assertTrue(supervisor.textContent("h1").contains("提醒"));
        browser.screenshot(supervisor, "alerts");
        supervisor.navigate(url("/accounts"));
        assertTrue(supervisor.textContent("table").contains("jyj"));
        browser.screenshot(supervisor, "accounts");

        supervisor.click("form[action$=logout] button");
        assertTrue(supervisor.url().contains("/login"), supervisor.url());
        supervisor.navigate(url("/dashboard"));
        assertTrue(supervisor.url().contains("/login?next="), "signed out: back to the login page with the way back");
    }
}
