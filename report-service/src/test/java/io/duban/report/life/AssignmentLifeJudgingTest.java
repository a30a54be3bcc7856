package io.duban.report.life;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * report-service judging the assignment's life from the feed: a completion waiting for 办结审核 is neither
 * overdue nor done, a returned one runs on, an accepted one counts by its own completedOn; 签收 windows in
 * working days; the dashboard's counts.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class AssignmentLifeJudgingTest {

    static Snapshots.Generic review(String region, Snapshots.AssignmentBuilder a, Snapshots.ReportBuilder r, String decision,
            String day) {
        return Snapshots.of("REVIEW", region).with("assignmentId", a.id()).with("reportId", r.id()).with("decision", decision)
                .with("comment", "RETURN".equals(decision) ? "佐证不全" : null).with("completedOn", r.item().data().get("completedOn"))
                .with("reviewedBy", "supervisor").with("reviewedAt", day + "T10:00:00+08:00");
    }

    @Test
    void aCompletionCountsOnlyOnceAcceptedAndByItsOwnDay() {
        String region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region);
        Snapshots.TaskBuilder t = task(p).seq(7).deadline("2023年10月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 10, 31)));
        Snapshots.AssignmentBuilder a = assignment(t, "u-lead", "县商务局", "LEAD").with("createdOn", "2023-08-10")
                .with("acknowledgedOn", "2023-08-11");
        Snapshots.ReportBuilder first = report(a).done("2023-10-20").with("reviewRequired", true);
        FeedScript.publish(p.item(), t.item(), a.with("status", "PENDING_REVIEW").with("version", 3).item(), first.item());
        Api.sync().statusCode(200);
        // waiting for review: past the due day it is still not overdue, and not done
        Api.obligations(region, "2023-11-05").statusCode(200).body("items[0].status", equalTo("PENDING_REVIEW"))
                .body("items[0].completedOn", equalTo(null));
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/dashboard?asOf=2023-11-05").then().statusCode(200)
                .body("totals.PENDING_REVIEW", equalTo(1)).body("totals.OVERDUE", equalTo(0))
                .body("assignmentLife.pendingReviews", equalTo(1));

        // returned: open again, and overdue since the due day has passed — the first submission does not stop the clock
        FeedScript.publish(a.with("status", "IN_PROGRESS").with("version", 4).item(),
                review(region, a, first, "RETURN", "2023-10-23").item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-11-05").statusCode(200).body("items[0].status", equalTo("OVERDUE"));

        // completed again and accepted: done by the second completion day (late here)
        Snapshots.ReportBuilder second = report(a).done("2023-11-03").with("reviewRequired", true);
        FeedScript.publish(a.with("status", "PENDING_REVIEW").with("version", 5).item(), second.item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-11-05").statusCode(200).body("items[0].status", equalTo("PENDING_REVIEW"));
        FeedScript.publish(a.with("status", "DONE").with("version", 6).item(), review(region, a, second, "ACCEPT", "2023-11-06").item());
        Api.sync().statusCode(200);
        Api.obligations(region, "2023-11-10").statusCode(200).body("items[0].status", equalTo("DONE_LATE"))
                .body("items[0].completedOn", equalTo("2023-11-03"));
    }

    @Test
    void lateAcknowledgementsAreCountedInWorkingDays() {
        String region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).with("ledgerDueOn", "2023-08-16");
        Snapshots.TaskBuilder t = task(p).seq(1).deadline("2023年12月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        // created Thursday 2023-08-10: with 3 working days the window ends Tuesday 2023-08-15
        Snapshots.AssignmentBuilder pending = assignment(t, "u-a", "县商务局", "LEAD").with("status", "PENDING_ACK")
                .with("createdOn", "2023-08-10");
        Snapshots.AssignmentBuilder late = assignment(t, "u-b", "县民政局", "CO").with("status", "NOT_STARTED")
                .with("createdOn", "2023-08-10").with("acknowledgedOn", "2023-08-17");
        Snapshots.AssignmentBuilder inTime = assignment(t, "u-c", "县司法局", "CO").with("status", "NOT_STARTED")
                .with("createdOn", "2023-08-10").with("acknowledgedOn", "2023-08-15");
        Snapshots.Generic dispute = Snapshots.of("DISPUTE", region).with("assignmentId", inTime.id()).with("taskId", t.id())
                .with("unitId", "u-c").with("reason", "非本单位职责").with("status", "OPEN").with("raisedBy", "u-c")
                .with("raisedAt", "2023-08-15T10:00:00+08:00").with("designatedUnitIds", List.of()).with("version", 1);
        Snapshots.Generic submitted = Snapshots.of("LEDGER_SUBMISSION", region).with("planId", p.id()).with("unitId", "u-c")
                .with("submittedOn", "2023-08-15").with("submittedBy", "u-c").with("submittedAt", "2023-08-15T10:00:00+08:00");
        FeedScript.publish(p.item(), t.item(), pending.item(), late.item(), inTime.item(), dispute.item(), submitted.item());
        Api.sync().statusCode(200);

        String overdue = "/api/v1/regions/" + region + "/acknowledgements/overdue";
        Api.as(Tokens.supervisor(region)).get(overdue + "?asOf=2023-08-15").then().statusCode(200).body("$", hasSize(0));
        Api.as(Tokens.supervisor(region)).get(overdue + "?asOf=2023-08-16").then().statusCode(200).body("$", hasSize(2))
                .body("find { it.unitId == 'u-a' }.state", equalTo("PENDING"))
                .body("find { it.unitId == 'u-a' }.dueOn", equalTo("2023-08-15"))
                .body("find { it.unitId == 'u-b' }.state", equalTo("PENDING"));
        Api.as(Tokens.supervisor(region)).get(overdue + "?asOf=2023-08-20").then().statusCode(200).body("$", hasSize(2))
                .body("find { it.unitId == 'u-b' }.state", equalTo("LATE"))
                .body("find { it.unitId == 'u-b' }.acknowledgedOn", equalTo("2023-08-17"));
        Api.as(Tokens.unit(region, "u-a")).get(overdue + "?asOf=2023-08-20").then().statusCode(200).body("$", hasSize(1));
        Api.as(Tokens.unit(region, "u-a")).get(overdue + "?unitId=u-b").then().statusCode(403);
        Api.as(Tokens.supervisor(region)).get(overdue + "?asOf=not-a-day").then().statusCode(400);

        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/dashboard?asOf=2023-08-20").then().statusCode(200)
                .body("assignmentLife.pendingAcknowledgements", equalTo(1)).body("assignmentLife.lateAcknowledgements", equalTo(1))
                .body("assignmentLife.openDisputes", equalTo(1)).body("assignmentLife.ledgersNotSubmitted", equalTo(2));
        // a region that reviews nothing and signs within 5 working days: the same facts are not late
        FeedScript.publish(Snapshots.of("REGION_SETTINGS", region).with("ackWorkingDays", 5).with("completionReview", "OFF")
                .with("version", 1).item());
        Api.sync().statusCode(200);
        Api.as(Tokens.supervisor(region)).get(overdue + "?asOf=2023-08-16").then().statusCode(200).body("$", hasSize(0));
    }
}
