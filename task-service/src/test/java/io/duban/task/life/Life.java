package io.duban.task.life;

import static io.duban.task.support.Api.base;

import io.duban.feed.ChangeItem;
import io.duban.feed.ChangeType;
import io.duban.feed.FeedJson;
import io.duban.feed.Snapshot;
import io.duban.task.support.Api;
import io.duban.task.support.FakeOrgService;
import io.duban.testing.Regions;
import io.duban.testing.Tokens;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Shared steps of the assignment's-life tests: a region with the Yiyuan plan, unit tokens, the feed rows as snapshots. */
final class Life {

    static final String EDU = "县教育和体育局";
    static final String HEALTH = "县卫生健康局";

    final String region = Regions.fresh();
    final String plan = Api.importedYiyuan(region);

    /** 县教育和体育局's LEAD assignment on task 36 (时限 2023年年底前完成). */
    String eduAssignment() {
        String task = (String) Api.task(region, plan, 36).get("id");
        Map<String, Object> lead = Api.assignmentsOfTask(region, task).get(0);
        if (!EDU.equals(lead.get("unitName"))) {
            throw new AssertionError("task 36's lead is " + lead.get("unitName"));
        }
        return (String) lead.get("id");
    }

    String path(String rest) {
        return base(region) + rest;
    }

    RequestSpecification supervisor() {
        return Api.supervisor(region).contentType("application/json");
    }

    RequestSpecification unit(String name) {
        return Api.as(Tokens.unit(region, FakeOrgService.unitId(name).toString())).contentType("application/json");
    }

    static String etag(long v) {
        return "\"" + v + "\"";
    }

    /** The region's change-feed rows of {@code type}, read as the contract's typed snapshots (in feed order). */
    List<Snapshot> feed(ChangeType type) throws Exception {
        var config = ConfigProvider.getConfig();
        List<Snapshot> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement st = c.prepareStatement("select entity_id::text, data::text from change_log where region = ? and type = ? "
                     + "order by txid, id")) {
            st.setString(1, region);
            st.setString(2, type.name());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(FeedJson.read(new ChangeItem("0:0", region, type.name(), rs.getString(1), FeedJson.tree(rs.getString(2))))
                            .orElseThrow());
                }
            }
        }
        return out;
    }
}
