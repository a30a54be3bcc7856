package io.duban.report.support;

import static org.hamcrest.Matchers.equalTo;

import io.duban.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Yiyuan plan with scripted 2023 progress reports and findings; the bulletin and assessment
 * tests assert its numbers exactly (worked out in BulletinTest and AssessmentTest).
 */
public final class Scenario {

    public static final String JIAOTI = "县教育和体育局";
    public static final String SHANGWU = "县商务局";
    public static final String MINZHENG = "县民政局";
    public static final String WEIJIAN = "县卫生健康局";
    public static final String SIFA = "县司法局";
    public static final String CAIZHENG = "县财政局";
    public static final String DASHUJU = "县大数据中心";
    public static final String ZHENGFUBAN = "县政府办公室";
    public static final String SHENPI = "县政府和审批服务局";

    public final String region;
    public final YiyuanPlan plan;

    private Scenario(String region) {
        this.region = region;
        this.plan = new YiyuanPlan(region);
    }

    /** Publishes the plan, events and reports, follows the feed, sets the profile and records the findings. */
    public static Scenario load(String region) {
        Scenario s = new Scenario(region);
        YiyuanPlan p = s.plan;
        List<Snapshots.Item> items = new ArrayList<>(p.items());
        Snapshots.EventBuilder e12 = p.event(12, MINZHENG, "2023-08-15");     // due 2023-09-12
        Snapshots.EventBuilder e27 = p.event(27, SIFA, "2023-08-21");         // due 2023-09-18
        Snapshots.EventBuilder e10 = p.event(10, JIAOTI, "2023-09-25");       // due 2023-10-27
        items.addAll(List.of(e12.item(), e27.item(), e10.item()));
        // Q3: task 17 (本方案发布之日起20个工作日内, due 2023-09-06) for the four group units
        items.add(p.done(17, JIAOTI, "2023-09-05"));
        items.add(p.done(17, SHANGWU, "2023-09-08"));
        items.add(p.done(17, WEIJIAN, "2023-09-06"));
        items.add(Snapshots.report(p.assignment(12, MINZHENG)).forEvent(e12).done("2023-10-10").item());
        items.add(Snapshots.report(p.assignment(27, SIFA)).forEvent(e27).done("2023-09-18").item());
        // Q4: task 10 by event, tasks 16 and 18 (10月底前), 年底前 tasks
        items.add(Snapshots.report(p.assignment(10, JIAOTI)).forEvent(e10).done("2023-10-20").item());
        items.add(p.done(16, JIAOTI, "2023-10-31"));
        items.add(p.done(16, SHANGWU, "2023-10-30"));
        items.add(p.done(16, MINZHENG, "2023-11-03"));
        items.add(p.done(18, JIAOTI, "2023-10-25"));
        items.add(p.done(18, SHANGWU, "2023-10-25"));
        items.add(p.done(18, WEIJIAN, "2023-10-31"));
        items.add(p.done(5, CAIZHENG, "2023-12-20"));
        items.add(p.done(8, DASHUJU, "2023-12-31"));
        items.add(p.done(11, JIAOTI, "2023-12-28"));
        items.add(p.done(32, SIFA, "2024-01-05"));
        items.add(p.done(36, JIAOTI, "2023-11-30"));
        FeedScript.publish(items);
        syncAll();

        Api.as(Tokens.supervisor(region)).contentType("application/json")
                .body(Map.of("name", "沂源县", "issuer", "沂源县人民政府办公室", "bulletinOffice", "县大数据中心"))
                .put("/api/v1/regions/" + region + "/profile").then().statusCode(200);
        s.finding(WEIJIAN, "2023-09-20", "DAILY_CHECK", "政府信息公开专栏“政策解读”栏目超过一个月未更新", "3", null);
        String wrong = s.finding(SHANGWU, "2023-09-10", "DAILY_CHECK", "主动公开基本目录未更新", "2", null);
        s.finding(SHANGWU, "2023-09-12", "DAILY_CHECK", "复核：目录已于抽测前更新，撤销此问题", "0", wrong);
        s.finding(MINZHENG, "2023-12-15", "QUARTERLY_CHECK", "低保信息公开不全，缺少 <保障对象> & 标准说明", "5", null);
        String jiaoti = s.finding(JIAOTI, "2023-11-10", "QUARTERLY_CHECK", "招生政策解读材料未同步发布", "1.5", null);
        s.finding(JIAOTI, "2023-11-10", "QUARTERLY_CHECK", "招生政策解读材料未同步发布（扣分更正）", "1", jiaoti);
        return s;
    }

    /** Follows the fake feed until it has nothing more. */
    public static void syncAll() {
        for (int i = 0; i < 100; i++) {
            boolean more = Api.sync().statusCode(200).extract().path("hasMore");
            if (!more) {
                return;
            }
        }
        throw new IllegalStateException("feed did not drain");
    }

    public String finding(String unitName, String foundOn, String source, String description, String points, String voids) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("unitId", YiyuanPlan.unitId(unitName));
        body.put("foundOn", foundOn);
        body.put("source", source);
        body.put("description", description);
        body.put("points", new java.math.BigDecimal(points));
        if (voids != null) {
            body.put("voids", voids);
        }
        return Api.as(Tokens.supervisor(region)).contentType("application/json").body(body)
                .post("/api/v1/regions/" + region + "/findings").then().statusCode(201)
                .body("unitName", equalTo(unitName)).extract().path("id");
    }

    public static String id(String unitName) {
        return YiyuanPlan.unitId(unitName);
    }
}
