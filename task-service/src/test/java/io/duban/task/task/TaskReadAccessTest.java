package io.duban.task.task;

import static io.duban.task.support.Api.base;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TaskReadAccessTest {

    @Test
    void aUnitReadingATaskSeesItsTextButOnlyItsOwnAssignment() {
        String region = Regions.fresh();
        String plan = Api.importedYiyuan(region);
        String task = (String) Api.task(region, plan, 14).get("id"); // 县民政局、县卫生健康局
        Api.supervisor(region).get(base(region) + "/tasks/" + task).then().statusCode(200)
                .body("assignments", hasSize(2));
        Api.as(Tokens.viewer(region)).get(base(region) + "/tasks/" + task).then().statusCode(200)
                .body("assignments", hasSize(2));

        String civil = FakeOrgService.unitId("县民政局").toString();
        Api.as(Tokens.unit(region, civil)).get(base(region) + "/tasks/" + task).then().statusCode(200)
                .body("requirement", notNullValue()).body("responsibleText", notNullValue())
                .body("assignments.unitName", equalTo(List.of("县民政局")))
                .body("assignments.unitId", equalTo(List.of(civil)));
        String finance = FakeOrgService.unitId("县财政局").toString();
        Api.as(Tokens.unit(region, finance)).get(base(region) + "/tasks/" + task).then().statusCode(200)
                .body("requirement", notNullValue()).body("assignments", hasSize(0));
    }
}
