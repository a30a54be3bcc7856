package io.duban.task.life;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.feed.ChangeType;
import io.duban.feed.LedgerEntrySnapshot;
import io.duban.feed.LedgerSubmissionSnapshot;
import io.duban.feed.PlanSnapshot;
import io.duban.task.support.FakeOrgService;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LedgerTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static Map<String, Object> entry(String plannedOn) {
        return Map.of("office", "基础教育科", "owner", "王老师", "ownerPhone", "0533-3222333", "measures", "修订教育领域公开目录并组织培训",
                "plannedOn", plannedOn);
    }

    @Test
    void aUnitKeepsItsLedgerSubmitsItAndTheSupervisorExportsIt() throws Exception {
        Life life = new Life();
        String id = life.eduAssignment();
        String edu = FakeOrgService.unitId(Life.EDU).toString();
        String ledger = life.path("/assignments/" + id + "/ledger");
        life.supervisor().header("If-Match", Life.etag(1)).body(Map.of("ledgerDueOn", "2023-08-16"))
                .put(life.path("/plans/" + life.plan + "/ledger-due-on")).then().statusCode(200).body("ledgerDueOn", equalTo("2023-08-16"));
        assertEquals(LocalDate.of(2023, 8, 16), ((PlanSnapshot) life.feed(ChangeType.PLAN).get(1)).ledgerDueOn());

        // task 36 is due at the end of 2023: a plan after that is refused
        life.unit(Life.EDU).body(entry("2024-01-05")).put(ledger).then().statusCode(422).contentType("application/problem+json")
                .body("dueOn", equalTo("2023-12-31"));
        life.unit(Life.EDU).body(Map.of("office", "", "plannedOn", "2023-12-01")).put(ledger).then().statusCode(400)
                .body("errors.field", hasItem("office"));
        life.unit(Life.HEALTH).body(entry("2023-12-01")).put(ledger).then().statusCode(404);
        life.unit(Life.EDU).get(ledger).then().statusCode(404);
        life.unit(Life.EDU).body(entry("2023-12-01")).put(ledger).then().statusCode(200).header("ETag", Life.etag(1))
                .body("afterSubmission", equalTo(false));
        life.unit(Life.EDU).body(entry("2023-11-30")).put(ledger).then().statusCode(428);
        life.unit(Life.EDU).header("If-Match", Life.etag(3)).body(entry("2023-11-30")).put(ledger).then().statusCode(412);

        String submit = life.path("/units/" + edu + "/ledgers/" + life.plan + "/submission");
        life.unit(Life.HEALTH).post(submit).then().statusCode(404);
        life.unit(Life.EDU).post(life.path("/units/" + edu + "/ledgers/00000000-0000-4000-8000-000000000000/submission"))
                .then().statusCode(404);
        life.unit(Life.EDU).body(Map.of("submittedOn", "2023-08-15")).post(submit).then().statusCode(400)
                .body("errors.field", hasItem("submittedOn"));
        life.unit(Life.EDU).header("Idempotency-Key", "s-1").post(submit).then().statusCode(201).body("filled", equalTo(1));
        // the supervisor records (补录) a paper submission of another unit, handed in before the due day
        String health = FakeOrgService.unitId(Life.HEALTH).toString();
        life.supervisor().body(Map.of("submittedOn", "2023-08-15"))
                .post(life.path("/units/" + health + "/ledgers/" + life.plan + "/submission")).then().statusCode(201)
                .body("submittedOn", equalTo("2023-08-15")).body("filled", equalTo(0));

        // an edit after submission is a new version, marked as such
        life.unit(Life.EDU).header("If-Match", Life.etag(1)).body(entry("2023-11-30")).put(ledger).then().statusCode(200)
                .header("ETag", Life.etag(2)).body("afterSubmission", equalTo(true));
        life.unit(Life.EDU).get(ledger + "/history").then().statusCode(200).body("$", hasSize(2))
                .body("[0].plannedOn", equalTo("2023-12-01")).body("[1].plannedOn", equalTo("2023-11-30"));

        List<Map<String, Object>> status = life.supervisor().get(life.path("/plans/" + life.plan + "/ledger-status")).then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> eduStatus = status.stream().filter(s -> edu.equals(s.get("unitId"))).findFirst().orElseThrow();
        assertEquals(1, eduStatus.get("filled"));
        assertEquals(1, eduStatus.get("changedAfterSubmission"));
        // submitted today, after 2023-08-16
        assertEquals(false, eduStatus.get("submittedOnTime"));
        Map<String, Object> healthStatus = status.stream().filter(s -> health.equals(s.get("unitId"))).findFirst().orElseThrow();
        assertEquals(true, healthStatus.get("submittedOnTime"));
        assertTrue(status.stream().filter(s -> !edu.equals(s.get("unitId")) && !health.equals(s.get("unitId")))
                .allMatch(s -> s.get("firstSubmittedOn") == null));
        life.unit(Life.EDU).get(life.path("/plans/" + life.plan + "/ledger-status")).then().statusCode(403);

        byte[] sheet = life.unit(Life.EDU).accept(XLSX).get(life.path("/units/" + edu + "/ledgers/" + life.plan)).then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
            assertEquals(1, wb.getNumberOfSheets());
            Sheet s = wb.getSheetAt(0);
            assertEquals(Life.EDU, s.getSheetName());
            DataFormatter f = new DataFormatter();
            Row head = s.getRow(1);
            assertEquals(List.of("序号", "工作任务", "工作要求", "责任科室", "责任人", "工作措施", "计划完成时间", "时限要求", "进展情况"),
                    java.util.stream.IntStream.range(0, 9).mapToObj(i -> f.formatCellValue(head.getCell(i))).toList());
            Row filled = null;
            for (int r = 2; r <= s.getLastRowNum(); r++) {
                if ("36".equals(f.formatCellValue(s.getRow(r).getCell(0)))) {
                    filled = s.getRow(r);
                }
            }
            assertEquals("基础教育科", f.formatCellValue(filled.getCell(3)));
            assertEquals("王老师（0533-3222333）", f.formatCellValue(filled.getCell(4)));
            assertEquals("2023年11月30日", f.formatCellValue(filled.getCell(6)));
            assertEquals("待签收", f.formatCellValue(filled.getCell(8)));
            // 216 characters of columns: A4 landscape, one page wide, title and header repeated on every page
            assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize());
            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals(1, s.getPrintSetup().getFitWidth());
            assertEquals("1:2", s.getRepeatingRows().formatAsString());
        }
        life.unit(Life.HEALTH).accept(XLSX).get(life.path("/units/" + edu + "/ledgers/" + life.plan)).then().statusCode(404);
        life.unit(Life.EDU).get(life.path("/units/" + edu + "/ledgers/" + life.plan)).then().statusCode(200)
                .body("find { it.seq == 36 }.office", equalTo("基础教育科"));

        byte[] book = life.supervisor().accept(XLSX).get(life.path("/plans/" + life.plan + "/ledgers")).then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            assertEquals(status.size(), wb.getNumberOfSheets());
            assertTrue(wb.getSheet(Life.EDU) != null);
        }
        life.unit(Life.EDU).accept(XLSX).get(life.path("/plans/" + life.plan + "/ledgers")).then().statusCode(403);

        List<LedgerEntrySnapshot> entries = life.feed(ChangeType.LEDGER_ENTRY).stream().map(LedgerEntrySnapshot.class::cast).toList();
        assertEquals(List.of(1L, 2L), entries.stream().map(LedgerEntrySnapshot::version).toList());
        assertEquals(edu, ((LedgerSubmissionSnapshot) life.feed(ChangeType.LEDGER_SUBMISSION).get(0)).unitId());
        assertEquals(LocalDate.of(2023, 8, 15), ((LedgerSubmissionSnapshot) life.feed(ChangeType.LEDGER_SUBMISSION).get(1)).submittedOn());
    }
}
