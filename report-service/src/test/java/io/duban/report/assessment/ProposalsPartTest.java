package io.duban.report.assessment;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The 考核's 建议提案 part (issue 18), from the projection of task-service's PROPOSAL snapshots. 县民政局 is 主办 of three
 * proposals of a 2023 session — 1 answered on time and 满意, 2 answered late, 不满意 and reopened, 3 not answered and past
 * its due day — and 县交通运输局 协办 of the first. With the default scheme (weight 0) nothing the 考核 said before
 * changes; with weight 0.2: 民政 loses 2 (late) + 4 (overdue) + 2 (reopened) + 10 × (1 − 50%) = 13 → 87, its total
 * 0.3 × 98 + 0.5 × 100 + 0.2 × 87 = 96.8; 交通 (协办, on time, 满意) keeps 100.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ProposalsPartTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void theProposalsPartWeighsNothingByDefaultAndCountsWhenWeighted() throws Exception {
        String region = Regions.fresh();
        String base = "/api/v1/regions/" + region;
        Snapshots.PlanBuilder work = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t = task(work).seq(1).deadline("2023年9月15日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 15)));
        FeedScript.publish(work.item(), t.item(), assignment(t, "u-mz", "县民政局", "LEAD").item(),
                assignment(t, "u-sf", "县司法局", "LEAD").item());
        Api.sync().statusCode(200);
        List<Object> before = Api.as(Tokens.supervisor(region)).get(base + "/assessments/2023").then().statusCode(200)
                .extract().path("units.collect { [it.rank, it.unitId, it.task.score, it.inspection.score, it.total] }");

        Snapshots.PlanBuilder session = plan(region).issuedOn("2023-03-01").with("kind", "PROPOSALS").with("title", "县政协十一届二次会议提案办理");
        List<Snapshots.Item> items = new ArrayList<>(List.of(session.item()));
        items.addAll(proposal(session, 1, "1102097", "2023-06-01", "2023-05-20", "A", "SATISFIED", 0, "CLOSED", "u-jt"));
        items.addAll(proposal(session, 2, "1102098", "2023-06-01", "2023-06-10", "C", "UNSATISFIED", 1, "REOPENED", null));
        items.addAll(proposal(session, 3, "1102099", "2023-09-01", null, null, null, 0, "ASSIGNED", null));
        FeedScript.publish(items.toArray(Snapshots.Item[]::new));
        Api.sync().statusCode(200);

        // weight 0: the same units, ranks, parts and totals as before the session existed; the counts are shown
        Api.as(Tokens.supervisor(region)).get(base + "/assessments/2023").then().statusCode(200)
                .body("scheme.proposals.weight", equalTo(0.0f))
                .body("units.unitId", not(hasItem("u-jt")))
                .body("units.find { it.unitId == 'u-mz' }.proposals.handled", equalTo(3))
                .body("units.find { it.unitId == 'u-mz' }.proposals.answeredOnTime", equalTo(1))
                .body("units.find { it.unitId == 'u-mz' }.proposals.answeredLate", equalTo(1))
                .body("units.find { it.unitId == 'u-mz' }.proposals.notAnswered", equalTo(1))
                .body("units.find { it.unitId == 'u-mz' }.proposals.overdue", equalTo(1))
                .body("units.find { it.unitId == 'u-mz' }.proposals.rated", equalTo(2))
                .body("units.find { it.unitId == 'u-mz' }.proposals.satisfactionRate", equalTo(50.0f))
                .body("units.find { it.unitId == 'u-mz' }.proposals.reopened", equalTo(1))
                .body("units.find { it.unitId == 'u-sf' }.proposals.handled", equalTo(0))
                .body("units.find { it.unitId == 'u-sf' }.proposals.satisfactionRate", nullValue());
        List<Object> after = Api.as(Tokens.supervisor(region)).get(base + "/assessments/2023").then().statusCode(200)
                .extract().path("units.collect { [it.rank, it.unitId, it.task.score, it.inspection.score, it.total] }");
        assertEquals(before, after);

        // the dashboard's proposals block: the session's numbers as of a day
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2024-01-01").get(base + "/dashboard").then().statusCode(200)
                .body("proposals.size()", equalTo(1))
                .body("proposals[0].planId", equalTo(session.id()))
                .body("proposals[0].title", equalTo("县政协十一届二次会议提案办理"))
                .body("proposals[0].assigned", equalTo(3))
                .body("proposals[0].answeredOnTime", equalTo(1)).body("proposals[0].answeredLate", equalTo(1))
                .body("proposals[0].notAnswered", equalTo(1)).body("proposals[0].overdue", equalTo(1))
                .body("proposals[0].outcomes.A", equalTo(1)).body("proposals[0].outcomes.C", equalTo(1))
                .body("proposals[0].outcomes.B", equalTo(0)).body("proposals[0].outcomeShares.A", equalTo(50.0f))
                .body("proposals[0].outcomeShares.B", equalTo(0.0f))
                .body("proposals[0].rated", equalTo(2)).body("proposals[0].satisfied", equalTo(1))
                .body("proposals[0].unsatisfied", equalTo(1)).body("proposals[0].satisfactionRate", equalTo(50.0f))
                .body("proposals[0].reopened", equalTo(1));
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2023-05-25").get(base + "/dashboard").then().statusCode(200)
                .body("proposals[0].answeredOnTime", equalTo(1)).body("proposals[0].answeredLate", equalTo(0))
                .body("proposals[0].notAnswered", equalTo(2)).body("proposals[0].overdue", equalTo(0));
        // a work plan's dashboard has no sessions; a later year's forgets the session after a year
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2024-01-01").queryParam("planId", work.id()).get(base + "/dashboard")
                .then().statusCode(200).body("proposals.size()", equalTo(0));
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2025-01-01").get(base + "/dashboard").then().statusCode(200)
                .body("proposals.size()", equalTo(0));
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2025-01-01").queryParam("planId", session.id()).get(base + "/dashboard")
                .then().statusCode(200).body("proposals[0].assigned", equalTo(3));
        assertEquals(2, summaryHeader(region).stream().filter(h -> h.equals("综合得分") || h.equals("退回次数")).count());
        assertEquals(List.of(), summaryHeader(region).stream().filter(h -> h.contains("建议提案")).toList());

        Map<String, Object> bad = scheme(Map.of("weight", 0.6, "base", 100, "latePenalty", 2, "overduePenalty", 4,
                "reopenedPenalty", 2, "satisfactionPoints", 10, "roleWeights", Map.of("LEAD", 1, "CO", 0.5, "X", 1)));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(bad).put(base + "/assessment-scheme/2023").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("proposals.weight", "proposals.roleWeights.X"));
        Map<String, Object> weighted = scheme(Map.of("weight", 0.2, "base", 100, "latePenalty", 2, "overduePenalty", 4,
                "reopenedPenalty", 2, "satisfactionPoints", 10, "roleWeights", Map.of("LEAD", 1, "CO", 0.5)));
        Api.as(Tokens.supervisor(region)).contentType("application/json").body(weighted).put(base + "/assessment-scheme/2023").then()
                .statusCode(200);
        Api.as(Tokens.supervisor(region)).get(base + "/assessments/2023").then().statusCode(200)
                .body("units.find { it.unitId == 'u-mz' }.task.score", equalTo(98.0f))
                .body("units.find { it.unitId == 'u-mz' }.proposals.deduction", equalTo(13.0f))
                .body("units.find { it.unitId == 'u-mz' }.proposals.score", equalTo(87.0f))
                .body("units.find { it.unitId == 'u-mz' }.total", equalTo(96.8f))
                .body("units.find { it.unitId == 'u-jt' }.proposals.handled", equalTo(1))
                .body("units.find { it.unitId == 'u-jt' }.proposals.score", equalTo(100.0f))
                .body("units.find { it.unitId == 'u-jt' }.total", equalTo(100.0f));

        List<String> header = summaryHeader(region);
        assertEquals(List.of("办理建议提案", "按时答复", "逾期答复", "未答复", "满意率(%)", "重新办理", "建议提案扣分", "建议提案得分",
                "综合得分", "退回次数"), header.subList(11, header.size()));
    }

    /**
     * A B reply's promise reaches report-service as a task of the session with a FIXED day and the 主办 unit's
     * assignment: an obligation like any other (overdue once the day has passed, closed by a DONE report), outside the
     * 考核's task part like the proposals themselves.
     */
    @Test
    void aPromisedCompletionIsAnObligationLikeAnyOther() {
        String region = Regions.fresh();
        String base = "/api/v1/regions/" + region;
        Snapshots.PlanBuilder session = plan(region).issuedOn("2023-03-01").with("kind", "PROPOSALS").with("title", "县政协十一届二次会议提案办理");
        Snapshots.TaskBuilder promise = task(session).seq(2).deadline("承诺2023年10月31日前完成",
                new DeadlineRule.Fixed(LocalDate.of(2023, 10, 31))).with("requirement", "落实第1102097号提案答复承诺：纳入年度要点");
        Snapshots.AssignmentBuilder lead = assignment(promise, "u-mz", "县民政局", "LEAD");
        FeedScript.publish(session.item(), promise.item(), lead.item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-11-01", "unitId", "u-mz").statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].dueOn", equalTo("2023-10-31")).body("items[0].status", equalTo("OVERDUE"));
        Api.as(Tokens.supervisor(region)).get(base + "/assessments/2023").then().statusCode(200)
                .body("units.unitId", not(hasItem("u-mz")));

        FeedScript.publish(Snapshots.report(lead).done("2023-11-03").item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-11-10", "unitId", "u-mz").statusCode(200).body("items[0].status", equalTo("DONE_LATE"))
                .body("items[0].completedOn", equalTo("2023-11-03"));
    }

    /** A proposal task, its 主办 县民政局 (and a 协办), and its PROPOSAL snapshot. */
    private static List<Snapshots.Item> proposal(Snapshots.PlanBuilder session, int seq, String number, String firstDue, String replied,
            String outcome, String satisfaction, int reopens, String status, String coUnit) {
        Snapshots.TaskBuilder t = task(session).seq(seq).deadline("交办之日起3个月内答复",
                new DeadlineRule.Fixed(LocalDate.parse(firstDue)));
        List<Snapshots.Item> out = new ArrayList<>(List.of(t.item(), assignment(t, "u-mz", "县民政局", "LEAD").item()));
        if (coUnit != null) {
            out.add(assignment(t, coUnit, "县交通运输局", "CO").item());
        }
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("planId", session.id());
        p.put("number", number);
        p.put("kind", "PROPOSAL");
        p.put("assignedOn", "2023-03-01");
        p.put("firstDue", firstDue);
        p.put("currentDue", firstDue);
        p.put("status", status);
        p.put("round", 1 + reopens);
        p.put("reopenCount", reopens);
        p.put("firstRepliedOn", replied);
        p.put("outcome", outcome);
        p.put("satisfaction", satisfaction);
        p.put("version", 1);
        Snapshots.Generic g = Snapshots.of("PROPOSAL", t.region()).with("id", t.id());
        p.forEach(g::with);
        out.add(g.item());
        return out;
    }

    private static Map<String, Object> scheme(Map<String, Object> proposals) {
        return Map.of("base", 100, "overdueOpenPenalty", 2, "doneLatePenalty", 1,
                "roleWeights", Map.of("LEAD", 1, "RESPONSIBLE", 1, "CO", 0), "inspectionBase", 100, "inspectionWeight", 0.5,
                "proposals", proposals);
    }

    private static List<String> summaryHeader(String region) throws Exception {
        byte[] xlsx = Api.as(Tokens.supervisor(region)).accept(XLSX).get("/api/v1/regions/" + region + "/assessments/2023").then()
                .statusCode(200).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet summary = wb.getSheet("汇总");
            Row header = summary.getRow(1);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < header.getLastCellNum(); i++) {
                out.add(header.getCell(i).getStringCellValue());
            }
            return out;
        }
    }
}
