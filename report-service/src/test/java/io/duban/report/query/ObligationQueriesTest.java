package io.duban.report.query;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.event;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.duban.deadlines.period.Period;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.Trigger;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The issue's worked example on a plan issued 2023-08-09: task 17 (本方案发布之日起20个工作日内) is due
 * 2023-09-06 for every owing unit; task 10 (信息形成或变更之日起20个工作日内) with a 信息形成 event on
 * 2023-09-25 is due 2023-10-27; a FIXED task is due 2023-09-15; one task's 时限 was not understood.
 */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ObligationQueriesTest {

    String region;
    Snapshots.PlanBuilder plan;

    @BeforeEach
    void publishTheExample() {
        region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        plan = p;
        Snapshots.TaskBuilder t17 = task(p).seq(17).deadline("本方案发布之日起20个工作日内及时动态更新本单位主动公开基本目录",
                new DeadlineRule.Relative(Trigger.PLAN_ISSUED, Period.workdays(20)));
        Snapshots.AssignmentBuilder a = assignment(t17, "u-a", "县教育和体育局", "RESPONSIBLE");
        Snapshots.AssignmentBuilder b = assignment(t17, "u-b", "县商务局", "RESPONSIBLE");
        Snapshots.AssignmentBuilder c = assignment(t17, "u-c", "县文化和旅游局", "CO");
        Snapshots.TaskBuilder t10 = task(p).seq(10).deadline("信息形成或变更之日起 20 个工作日内公开",
                new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(20)));
        Snapshots.AssignmentBuilder d = assignment(t10, "u-d", "县卫生健康局", "LEAD");
        Snapshots.EventBuilder formed = event(d).occurredOn("2023-09-25");
        Snapshots.TaskBuilder t5 = task(p).seq(5).deadline("2023年9月15日前", new DeadlineRule.Fixed(LocalDate.of(2023, 9, 15)));
        Snapshots.AssignmentBuilder e = assignment(t5, "u-e", "县民政局", "LEAD");
        Snapshots.TaskBuilder t20 = task(p).seq(20).deadline("视情况而定", new DeadlineRule.Unparsed("视情况而定", "无法识别"));
        Snapshots.AssignmentBuilder f = assignment(t20, "u-a", "县教育和体育局", "LEAD");
        Snapshots.TaskBuilder t21 = task(p).seq(21).deadline("长期坚持", new DeadlineRule.Ongoing());
        Snapshots.AssignmentBuilder g = assignment(t21, "u-a", "县教育和体育局", "LEAD");
        FeedScript.publish(p.item(), t17.item(), a.item(), b.item(), c.item(), t10.item(), d.item(), formed.item(),
                t5.item(), e.item(), t20.item(), f.item(), t21.item(), g.item(),
                report(a).done("2023-09-07").item());
        Api.sync().statusCode(200);
    }

    @Test
    void taskSeventeenIsDueSoonOnItsDueDayAndLateTheDayAfter() {
        Api.obligations(region, "2023-09-06", "unitId", "u-b").statusCode(200)
                .body("items[0].dueOn", equalTo("2023-09-06")).body("items[0].status", equalTo("DUE_SOON"))
                .body("items[0].taskSeq", equalTo(17)).body("items[0].rule", equalTo(new DeadlineRule.Relative(
                        Trigger.PLAN_ISSUED, Period.workdays(20)).describe()))
                .body("items[0].provisional", equalTo(false));
        Api.obligations(region, "2023-09-06", "unitId", "u-a").statusCode(200)
                .body("items[0].status", equalTo("DUE_SOON"));
        Api.obligations(region, "2023-09-07", "unitId", "u-b").statusCode(200)
                .body("items[0].status", equalTo("OVERDUE")).body("items[0].workdaysLate", equalTo(1));
        Api.obligations(region, "2023-09-07", "unitId", "u-a").statusCode(200)
                .body("items[0].status", equalTo("DONE_LATE")).body("items[0].workdaysLate", equalTo(1))
                .body("items[0].completedOn", equalTo("2023-09-07"));
        Api.obligations(region, "2023-09-08", "unitId", "u-b").statusCode(200).body("items[0].workdaysLate", equalTo(2));
    }

    @Test
    void aTriggerEventOpensAnObligationForItsUnitOnlyAndCoUnitsOweNothing() {
        Api.obligations(region, "2023-10-01", "unitId", "u-d").statusCode(200).body("total", equalTo(1))
                .body("items[0].dueOn", equalTo("2023-10-27")).body("items[0].status", equalTo("OPEN"));
        Api.obligations(region, "2023-10-01", "unitId", "u-c").statusCode(200).body("total", equalTo(0));
        Api.obligations(region, "2023-10-01").statusCode(200).body("total", equalTo(4));
    }

    @Test
    void filtersByStatusAndDueRange() {
        Api.obligations(region, "2023-09-07", "status", "OVERDUE").statusCode(200)
                .body("items.unitId", contains("u-b"));
        Api.obligations(region, "2023-09-07", "status", "OPEN,DONE_LATE").statusCode(200)
                .body("items.unitId", containsInAnyOrder("u-a", "u-d", "u-e"));
        Api.obligations(region, "2023-09-07", "dueFrom", "2023-09-10", "dueTo", "2023-09-30").statusCode(200)
                .body("items.unitId", contains("u-e"));
        Api.obligations(region, "2023-09-07", "status", "LATE").statusCode(400).body("errors[0].field", equalTo("status"));
        Api.obligations(region, "yesterday").statusCode(400).body("errors[0].field", equalTo("asOf"));
        Api.obligations(region, "2023-09-07", "size", "1", "page", "2").statusCode(200)
                .body("total", equalTo(4)).body("items", hasSize(1)).body("page", equalTo(2));
    }

    @Test
    void overdueListsTheWorstFirst() {
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2023-09-20").get("/api/v1/regions/" + region + "/overdue").then()
                .statusCode(200).body("total", equalTo(2)).body("items.unitId", contains("u-b", "u-e"))
                .body("items.workdaysLate", contains(10, 3));
        // the dashboard carries the same first page, so its screen needs no second call
        java.util.List<String> ids = Api.as(Tokens.viewer(region)).queryParam("asOf", "2023-09-20").queryParam("size", "10")
                .get("/api/v1/regions/" + region + "/overdue").then().statusCode(200).extract().path("items.id");
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2023-09-20").get("/api/v1/regions/" + region + "/dashboard").then()
                .statusCode(200).body("worstOverdue.id", equalTo(ids)).body("worstOverdue.workdaysLate", contains(10, 3));
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2023-09-01").get("/api/v1/regions/" + region + "/dashboard").then()
                .statusCode(200).body("worstOverdue", hasSize(0));
    }

    @Test
    void agendaSplitsAUnitsDutiesAndListsItsLongTermItems() {
        Api.as(Tokens.unit(region, "u-a")).queryParam("asOf", "2023-09-20")
                .get("/api/v1/regions/" + region + "/units/u-a/agenda").then().statusCode(200)
                .body("unitName", equalTo("县教育和体育局")).body("done", hasSize(1)).body("overdue", hasSize(0))
                .body("ongoing.taskSeq", contains(21)).body("ongoing[0].rule", equalTo("长期坚持"));
    }

    @Test
    void agendaOfAUnitOfAnotherRegionOrOfNoUnitIs404() {
        String other = io.duban.testing.Regions.fresh();
        Snapshots.PlanBuilder p = Snapshots.plan(other);
        Snapshots.TaskBuilder t = task(p).seq(1).deadline("2023年12月底前",
                new DeadlineRule.Fixed(java.time.LocalDate.of(2023, 12, 31)));
        FeedScript.publish(p.item(), t.item(), Snapshots.assignment(t, "u-lead", "县商务局", "LEAD").item());
        Api.sync().statusCode(200);
        Api.as(Tokens.system("*")).get("/api/v1/regions/" + other + "/units/u-lead/agenda").then().statusCode(200);
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/units/u-lead/agenda").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Tokens.supervisor(region)).get("/api/v1/regions/" + region + "/units/no-such-unit/agenda").then().statusCode(404);
        Api.as(Tokens.supervisor(region)).urlEncodingEnabled(false).get("/api/v1/regions/" + region + "/units/%00/agenda")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void dashboardAnswersInOneRequest() {
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-09-07")
                .get("/api/v1/regions/" + region + "/dashboard").then().statusCode(200)
                .body("totals.OVERDUE", equalTo(1)).body("totals.DONE_LATE", equalTo(1)).body("totals.OPEN", equalTo(2))
                .body("total", equalTo(4)).body("onTimeRate", equalTo(0.0f))
                .body("overdueByUnit.unitId", contains("u-b")).body("overdueByUnit[0].rank", equalTo(1))
                .body("dueNext10Workdays.until", equalTo("2023-09-21"))
                .body("dueNext10Workdays.items.unitId", contains("u-e"))
                .body("monthlyTrend.month", contains("2023-09", "2023-10"))
                .body("monthlyTrend[0].due", equalTo(3)).body("monthlyTrend[0].done", equalTo(1))
                .body("needsReview.unparsedTasks", equalTo(1)).body("needsReview.tasks[0].seq", equalTo(20))
                .body("ongoingItems", equalTo(1)).body("provisionalDates", equalTo(false));
    }

    @Test
    void aTaskWaitingForDesignationIsListedForReviewButNotCountedAsUnparsed() {
        // as 县政府有关部门单位 in the real table: the 时限 is understood, the 责任单位 names no unit yet
        Snapshots.TaskBuilder t6 = task(plan).seq(6).deadline("信息形成或变更之日起 20 个工作日内公开",
                new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(20))).with("needsReview", true);
        FeedScript.publish(t6.item());
        Api.sync().statusCode(200);
        Api.as(Tokens.supervisor(region)).queryParam("asOf", "2023-09-07")
                .get("/api/v1/regions/" + region + "/dashboard").then().statusCode(200)
                .body("needsReview.unparsedTasks", equalTo(1))
                .body("needsReview.tasks.seq", contains(6, 20))
                .body("needsReview.tasks.reason", contains("需人工复核", "时限要求未能识别"));
    }

    @Test
    void aUnitSeesOnlyItselfViewersReadAndOtherRegionsAreRefused() {
        String unitA = Tokens.unit(region, "u-a");
        Api.as(unitA).queryParam("asOf", "2023-09-07").get("/api/v1/regions/" + region + "/obligations").then()
                .statusCode(200).body("items.unitId", everyItem(equalTo("u-a"))).body("total", equalTo(1));
        Api.as(unitA).queryParam("unitId", "u-b").get("/api/v1/regions/" + region + "/obligations").then().statusCode(403);
        Api.as(unitA).get("/api/v1/regions/" + region + "/units/u-b/agenda").then().statusCode(403);
        Api.as(unitA).get("/api/v1/regions/" + region + "/dashboard").then().statusCode(403);
        Api.as(unitA).queryParam("asOf", "2023-09-20").get("/api/v1/regions/" + region + "/overdue").then()
                .statusCode(200).body("total", equalTo(0));
        Api.as(Tokens.viewer(region)).queryParam("asOf", "2023-09-07").get("/api/v1/regions/" + region + "/obligations")
                .then().statusCode(200).body("total", equalTo(4));
        Api.as(Tokens.supervisor(Regions.fresh())).get("/api/v1/regions/" + region + "/obligations").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/regions/" + region + "/obligations").then().statusCode(401);
        Api.as(Tokens.supervisor(region)).queryParam("planId", "nope").get("/api/v1/regions/" + region + "/obligations")
                .then().statusCode(400).body("errors[0].field", equalTo("planId"));
    }
}
