package io.duban.report.subscription;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.rule.DeadlineRule;
import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A unit's calendar subscription, parsed with ical4j: its open obligations as all-day events; the key is the credential. */
@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class CalendarFeedTest {

    static final String LONG = "按照《中华人民共和国政府信息公开条例》要求，在政府门户网站集中发布本单位政策文件，"
            + "做好解读、回应关切，并于每季度末报送工作进展；涉及重大决策的，提前公开征求意见；";

    String region;

    @BeforeEach
    void publish() {
        region = Regions.fresh();
        Snapshots.PlanBuilder p = plan(region).issuedOn("2023-08-09");
        Snapshots.TaskBuilder t5 = task(p).seq(5).with("requirement", LONG)
                .deadline("2023年12月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)));
        Snapshots.TaskBuilder t6 = task(p).seq(6).deadline("2023年10月底前", new DeadlineRule.Fixed(LocalDate.of(2023, 10, 31)));
        Snapshots.AssignmentBuilder done = assignment(t6, "u-b", "县商务局", "LEAD");
        FeedScript.publish(p.item(), t5.item(), t6.item(), assignment(t5, "u-b", "县商务局", "LEAD").item(), done.item(),
                assignment(t5, "u-a", "县教育和体育局", "LEAD").item(), report(done).done("2023-08-30").item());
        Api.sync().statusCode(200);
    }

    @Test
    void theFeedListsTheUnitsOpenObligationsAsAllDayEvents() throws Exception {
        String path = Api.as(Tokens.unit(region, "u-b")).post(base() + "/units/u-b/calendar-key").then().statusCode(200)
                .extract().path("path");
        String ics = given().get(path).then().statusCode(200).contentType("text/calendar;charset=utf-8").extract().asString();
        Calendar cal = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = cal.getComponents("VEVENT");
        assertEquals(1, events.size(), ics);
        VEvent e = events.get(0);
        assertEquals("20231231", e.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("20240101", e.getProperty(Property.DTEND).orElseThrow().getValue());
        String summary = e.getProperty(Property.SUMMARY).orElseThrow().getValue();
        assertTrue(summary.startsWith("第5项 按照《中华人民共和国政府信息公开条例》要求，"), summary);
        assertTrue(e.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("并于每季度末报送工作进展；"));
        assertTrue(e.getProperty(Property.URL).isPresent());
        // folded at 75 octets: no physical line longer
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
        }
    }

    @Test
    void withoutTheRightKeyThereIsNoCalendar() {
        String path = Api.as(Tokens.supervisor(region)).post(base() + "/units/u-b/calendar-key").then().statusCode(200)
                .extract().path("path");
        String key = path.substring(path.indexOf("key=") + 4);
        given().get(base() + "/units/u-b/calendar.ics").then().statusCode(404);
        given().queryParam("key", "wrong").get(base() + "/units/u-b/calendar.ics").then().statusCode(404);
        // a key opens only its own unit's calendar
        given().queryParam("key", key).get(base() + "/units/u-a/calendar.ics").then().statusCode(404);
        given().queryParam("key", key).get("/api/v1/regions/abc/units/u-b/calendar.ics").then().statusCode(404);
        given().queryParam("key", key).get(base() + "/units/u-b/calendar.ics").then().statusCode(200);
        // rotating makes the old URL a 404
        Api.as(Tokens.unit(region, "u-b")).post(base() + "/units/u-b/calendar-key").then().statusCode(200);
        given().queryParam("key", key).get(base() + "/units/u-b/calendar.ics").then().statusCode(404);
        // a unit rotates only its own key; another region's token nothing
        Api.as(Tokens.unit(region, "u-a")).post(base() + "/units/u-b/calendar-key").then().statusCode(404);
        Api.as(Tokens.supervisor(Regions.fresh())).post(base() + "/units/u-b/calendar-key").then().statusCode(403);
        Api.as(Tokens.supervisor(region)).post(base() + "/units/u-nobody/calendar-key").then().statusCode(404);
        given().post(base() + "/units/u-b/calendar-key").then().statusCode(401);

    }

    private String base() {
        return "/api/v1/regions/" + region;
    }
}
