package io.duban.report.calendar;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.event;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class CalendarResourceTest {

    static final String SUPERVISOR = Tokens.supervisor("370323");

    static String schedule2027(String offDays) {
        return """
                {"year":2027,"notice":{"title":"国务院办公厅关于2027年部分节假日安排的通知","docNumber":null,
                 "issuedOn":"2026-11-10","sourceUrl":"https://www.gov.cn/"},
                 "holidays":[{"name":"元旦","offDays":[%s],"makeupDays":[]}]}""".formatted(offDays);
    }

    @ParameterizedTest(name = "{0} + {1} 工作日 = {2}")
    @CsvSource({"2023-09-25, 10, 2023-10-13", "2023-08-09, 20, 2023-09-06", "2023-09-27, 3, 2023-10-08",
            "2026-02-13, 1, 2026-02-14", "2026-02-14, 1, 2026-02-24"})
    void addsWorkingDaysOnTheOfficialSchedule(String from, int n, String date) {
        Api.as(Tokens.viewer("370323")).queryParam("from", from).queryParam("workdays", n)
                .get("/api/v1/calendar/workdays/add").then().statusCode(200)
                .body("date", equalTo(date)).body("provisional", equalTo(false));
    }

    @ParameterizedTest(name = "{0}..{1}: {2} working days")
    @CsvSource({"2023-10-01, 2023-10-31, 19", "2023-01-01, 2023-12-31, 249"})
    void countsWorkingDaysInclusive(String from, String to, int count) {
        Api.as(Tokens.unit("370323", "u-1")).queryParam("from", from).queryParam("to", to)
                .get("/api/v1/calendar/workdays/count").then().statusCode(200)
                .body("count", equalTo(count)).body("provisional", equalTo(false));
    }

    @Test
    void yearsWithoutAPublishedScheduleAreProvisional() {
        Api.as(SUPERVISOR).queryParam("from", "2031-12-20").queryParam("workdays", 20)
                .get("/api/v1/calendar/workdays/add").then().statusCode(200).body("provisional", equalTo(true));
        Api.as(SUPERVISOR).queryParam("from", "2031-01-01").queryParam("to", "2031-12-31")
                .get("/api/v1/calendar/workdays/count").then().statusCode(200).body("provisional", equalTo(true));
        Api.as(SUPERVISOR).get("/api/v1/calendar/2031").then().statusCode(404);
    }

    @Test
    void showsABundledYearWithItsNotice() {
        Api.as(SUPERVISOR).get("/api/v1/calendar/2023").then().statusCode(200)
                .body("source", equalTo("BUNDLED")).body("notice.docNumber", notNullValue())
                .body("holidays[0].name", equalTo("元旦"));
    }

    @Test
    void rejectsBadParametersAndBadSchedules() {
        Api.as(SUPERVISOR).queryParam("from", "2023-13-01").queryParam("workdays", 1)
                .get("/api/v1/calendar/workdays/add").then().statusCode(400).body("errors[0].field", equalTo("from"));
        Api.as(SUPERVISOR).queryParam("from", "2023-01-01").get("/api/v1/calendar/workdays/add").then().statusCode(400)
                .body("errors[0].field", equalTo("workdays"));
        put(SUPERVISOR, 2028, schedule2027("\"2027-01-01\"")).statusCode(400).body("errors[0].field", equalTo("year"));
        put(SUPERVISOR, 2027, schedule2027("")).statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(
                org.hamcrest.Matchers.startsWith("holidays")));
        // Jackson's and java.time's own words stay in the log
        put(SUPERVISOR, 2027, "{\"year\":").statusCode(400)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Unexpected")));
        put(SUPERVISOR, 2027, schedule2027("\"2027-02-30\"")).statusCode(400)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("parse")))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
        put(Tokens.viewer("370323"), 2027, schedule2027("\"2027-01-01\"")).statusCode(403);
    }

    @Test
    void uploadingAYearRecomputesTheDueDatesThatDependOnIt() {
        put(SUPERVISOR, 2027, schedule2027("\"2027-01-01\"")).statusCode(200);
        String region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2026-03-01").with("year", 2026);
        Snapshots.TaskBuilder t = task(p).seq(1).deadline("信息形成或变更之日起10个工作日内公开",
                new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(10)));
        Snapshots.AssignmentBuilder a = assignment(t, "u-a", "县民政局", "LEAD");
        Snapshots.AssignmentBuilder b = assignment(t, "u-b", "县财政局", "LEAD");
        FeedScript.publish(p.item(), t.item(), a.item(), b.item(), event(a).occurredOn("2026-12-28").item(),
                event(b).occurredOn("2031-12-20").item());
        Api.sync().statusCode(200);
        String before = addWorkdays("2026-12-28", 10);
        Api.obligations(region, "2026-12-28", "unitId", "u-a").statusCode(200)
                .body("items[0].dueOn", equalTo(before)).body("items[0].provisional", equalTo(false));
        Api.obligations(region, "2026-12-28", "unitId", "u-b").statusCode(200).body("items[0].provisional", equalTo(true));

        put(SUPERVISOR, 2027, schedule2027("\"2027-01-01\", \"2027-01-04\"")).statusCode(200)
                .body("changedObligations", greaterThanOrEqualTo(1));
        String after = addWorkdays("2026-12-28", 10);
        Api.obligations(region, "2026-12-28", "unitId", "u-a").statusCode(200)
                .body("items[0].dueOn", equalTo(after)).body("items[0].dueOn", not(equalTo(before)));
        Api.as(SUPERVISOR).get("/api/v1/calendar/2027").then().statusCode(200).body("source", equalTo("UPLOADED"))
                .body("holidays[0].offDays[1]", equalTo("2027-01-04"));
    }

    static String addWorkdays(String from, int n) {
        return Api.as(SUPERVISOR).queryParam("from", from).queryParam("workdays", n)
                .get("/api/v1/calendar/workdays/add").then().statusCode(200).extract().path("date");
    }

    static io.restassured.response.ValidatableResponse put(String token, int year, String body) {
        return Api.as(token).contentType("application/json").body(body).put("/api/v1/calendar/" + year).then();
    }
}
