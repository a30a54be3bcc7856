package io.duban.report.projection;

import static io.duban.report.support.Snapshots.assignment;
import static io.duban.report.support.Snapshots.plan;
import static io.duban.report.support.Snapshots.report;
import static io.duban.report.support.Snapshots.task;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.report.support.Api;
import io.duban.report.support.FakeTaskService;
import io.duban.report.support.FeedScript;
import io.duban.report.support.Snapshots;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(FakeTaskService.class)
class ProjectionQuarantineTest {

    /** Stands in for any change the projection cannot store: PostgreSQL refuses plans titled REFUSED-…. */
    private static void refusePlansTitledRefused(boolean on) throws Exception {
        try (Connection c = ProjectionTest.jdbc(); var s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS refuse_crafted_plan ON plan");
            if (on) {
                s.execute("CREATE OR REPLACE FUNCTION refuse_crafted_plan() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN IF NEW.title LIKE 'REFUSED-%' THEN RAISE EXCEPTION 'crafted row refused'; END IF;"
                        + " RETURN NEW; END $$");
                s.execute("CREATE TRIGGER refuse_crafted_plan BEFORE INSERT OR UPDATE ON plan"
                        + " FOR EACH ROW EXECUTE FUNCTION refuse_crafted_plan()");
            }
        }
    }

    private static long plansOf(String region) throws Exception {
        try (Connection c = ProjectionTest.jdbc();
             var s = c.prepareStatement("SELECT count(*) FROM plan WHERE region = ?")) {
            s.setString(1, region);
            var rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aChangeThatCannotBeAppliedIsSetAsideAndEveryOtherChangeIsApplied() throws Exception {
        Api.sync().statusCode(200);
        String bad = Regions.fresh();
        String good = Regions.fresh();
        double before = ProjectionTest.metric("duban_projection_quarantined_total");
        Snapshots.PlanBuilder refused = plan(bad).with("title", "REFUSED-" + bad);
        refusePlansTitledRefused(true);
        try {
            Snapshots.TaskBuilder t = task(refused);
            Snapshots.AssignmentBuilder a = assignment(t, "u-1", "县商务局", "LEAD");
            // a crafted row: a completion date that is no date
            Snapshots.Item noDate = report(a).with("status", "DONE").with("completedOn", "2023-02-30").item();
            FeedScript.publish(refused.item(), noDate);
            FeedScript.publish(ProjectionTest.fixedTask(good));

            Api.sync().statusCode(200).body("hasMore", equalTo(false));
            // the follower went on: the other region's changes after the bad ones are all there
            Api.obligations(good, ProjectionTest.AS_OF).statusCode(200).body("total", equalTo(1));
            assertEquals(before + 2, ProjectionTest.metric("duban_projection_quarantined_total"));
            Api.as(Tokens.system("*")).get("/api/v1/admin/projection").then().statusCode(200)
                    .body("quarantine.findAll { it.region == '" + bad + "' }.type", equalTo(List.of("PLAN", "REPORT")))
                    .body("quarantine.findAll { it.region == '" + bad + "' }.id", hasItem(refused.id()));
            // a county sees how many of its own changes are set aside, not the details
            Api.as(Tokens.supervisor(bad)).get("/api/v1/admin/projection").then().statusCode(200)
                    .body("quarantined", equalTo(2)).body("quarantine", hasSize(0));
            Api.as(Tokens.supervisor(good)).get("/api/v1/admin/projection").then().statusCode(200)
                    .body("quarantined", equalTo(0));
            Api.as(Tokens.supervisor(bad)).post("/api/v1/admin/projection/quarantine/reapply").then().statusCode(403);
            assertEquals(0, plansOf(bad));
        } finally {
            refusePlansTitledRefused(false);
        }

        // after the fix the operator re-applies: the plan goes in, the report with no date stays set aside
        Api.as(Tokens.system("*")).post("/api/v1/admin/projection/quarantine/reapply").then().statusCode(200)
                .body("stillQuarantined.findAll { it.region == '" + bad + "' }.type", equalTo(List.of("REPORT")))
                .body("stillQuarantined.findAll { it.region == '" + bad + "' }.attempts", equalTo(List.of(2)));
        assertEquals(1, plansOf(bad));
        Api.as(Tokens.supervisor(bad)).get("/api/v1/admin/projection").then().statusCode(200)
                .body("quarantined", equalTo(1));
        Api.as(Tokens.system("*")).get("/api/v1/admin/projection").then().statusCode(200)
                .body("quarantine.id", not(hasItem(refused.id())));
    }
}
