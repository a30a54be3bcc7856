package io.duban.report.assessment;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A session's 建议提案 (a plan of kind PROPOSALS) are obligations a unit sees in its agenda, but neither the 考核's task
 * part nor the 通报 counts them: a county that starts tracking proposals keeps the scores it had.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ProposalsOutsideTheAssessmentTest {

    @Test
    void proposalsShowInTheAgendaButNotInTheAssessment() {
        String region = Regions.fresh();
        Snapshots.PlanBuilder work = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t = task(work).seq(1).deadline("2023年9月15日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 15)));
        Snapshots.AssignmentBuilder minzheng = assignment(t, "u-mz", "县民政局", "LEAD");
        Snapshots.PlanBuilder session = plan(region).issuedOn("2023-03-01").with("kind", "PROPOSALS")
                .with("title", "县政协十一届二次会议建议提案");
        Snapshots.TaskBuilder proposal = task(session).seq(1).deadline("交办之日起3个月内",
                new DeadlineRule.Fixed(LocalDate.of(2023, 6, 1)));
        Snapshots.AssignmentBuilder minzhengProposal = assignment(proposal, "u-mz", "县民政局", "LEAD");
        Snapshots.AssignmentBuilder onlyProposals = assignment(proposal, "u-jt", "县交通运输局", "LEAD");
        FeedScript.publish(work.item(), t.item(), minzheng.item(), session.item(), proposal.item(), minzhengProposal.item(),
                onlyProposals.item());
        Api.sync().statusCode(200);

        String base = "/api/v1/regions/" + region;
        // both obligations are the unit's: its overdue list has the proposal too
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-10-09").queryParam("unitId", "u-mz")
                .get(base + "/overdue").then().statusCode(200).body("items.size()", equalTo(2));
        // the 考核 counts the work plan's one obligation for 县民政局 and knows nothing of 县交通运输局
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-12-31").get(base + "/assessments/2023").then()
                .statusCode(200)
                .body("units.find { it.unitId == 'u-mz' }.task.due", equalTo(1))
                .body("units.find { it.unitId == 'u-mz' }.task.overdueOpen", equalTo(1))
                .body("units.unitId", not(hasItem("u-jt")));
    }
}
