package io.duban.console.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.console.api.KeptAnswers;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Dashboard;
import io.duban.console.api.ReportModels.Obligation;
import io.duban.console.api.ReportModels.Supervision;
import io.duban.console.api.ReportModels.UnitOverdue;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.Plan;
import io.duban.console.common.Chrome;
import io.duban.console.common.Today;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 总览: the 大数据中心's dashboard for supervisors and viewers — report-service's {@code /dashboard}
 * (tiles, trend, overdue by unit, due soon, review items, the ten worst overdue, what waits for 复核) and the plans for
 * the filter. {@code wall=1} is the wall-screen mode (no menu, bigger, reloads itself).
 */
@Path("/dashboard")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance dashboard(Chrome chrome, Frame frame, String body);

        static native TemplateInstance body(DashboardView view, boolean supervisor);
    }

    /** What the page frame around the cached body needs: the wall screen's mode and reload. */
    public record Frame(LocalDate asOf, boolean wall, int refreshSeconds, String wallUrl) {
    }

    /**
     * What a rendered body depends on besides the dashboard answer it was rendered from: the plans in the filter, the
     * filter, the wall mode, the day (a body as of today says 今天 and its wall reloads to the next day) and the role.
     */
    record BodyKey(List<Plan> plans, String planId, boolean wall, LocalDate today, boolean supervisor) {
    }

    /** The five KPI tiles: 应办 = due and judged (on time + late + overdue), the rate's denominator. */
    public record Tiles(long due, long onTime, long late, long overdue, Double onTimeRate) {
    }

    /** Everything the dashboard template shows. */
    public record DashboardView(LocalDate asOf, String planId, List<Plan> plans, boolean wall, int refreshSeconds,
                                Tiles tiles, Map<String, Long> totals, long total, String trendJson,
                                String overdueByUnitJson, List<UnitOverdue> overdueByUnit, List<Obligation> worst,
                                long worstTotal, Dashboard dashboard, long rectificationsToVerify) {

        public long count(String status) {
            return totals.getOrDefault(status, 0L);
        }

        /** The year the monthly trend covers: the plans' year report-service chose (asOf's when it does not say). */
        public int trendYear() {
            return dashboard.trendYear() == null ? asOf.getYear() : dashboard.trendYear();
        }

        /** The 督办 part (lights, what waits); absent while report-service does not give it. */
        public Supervision supervision() {
            return dashboard.watch();
        }

        /**
         * Where the wall screen reloads to: a wall showing today drops the date, so each reload is as of the day it
         * runs (past midnight Asia/Shanghai the next day's); a wall on a chosen past day reloads that day.
         */
        public String wallUrl() {
            return wallUrl(asOf, planId);
        }

        static String wallUrl(LocalDate asOf, String planId) {
            String plan = planId == null ? "" : "&planId=" + planId;
            return asOf.equals(Today.date()) ? "/dashboard?wall=1" + plan : "/dashboard?asOf=" + asOf + plan + "&wall=1";
        }

        /** The link to the list of obligations behind a count, with this page's asOf and plan. */
        public String listHref(String light, String unitId) {
            return "/obligations?asOf=" + asOf + "&light=" + light + (planId == null ? "" : "&planId=" + planId)
                    + (unitId == null ? "" : "&unitId=" + unitId);
        }
    }

    static final int REFRESH_SECONDS = 60;

    record Bar(String name, long value) {
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @Inject
    TaskClient tasks;

    @Inject
    ObjectMapper json;

    @GET
    public Uni<TemplateInstance> show(@QueryParam("asOf") String asOfParam, @QueryParam("planId") String planId,
                                      @QueryParam("wall") String wall) {
        Session s = current.require("supervisor", "viewer");
        LocalDate asOf = Today.asOf(asOfParam);
        String plan = planId == null || planId.isBlank() ? null : planId;
        // one conditional call (report-service's cached dashboard carries the ten worst and the 整改待复核 count), the
        // plans for the filter from this process's short-lived cache, and the body rendered once per answer: an
        // unchanged dashboard (304) reuses it, so a page is the frame around it
        boolean wallMode = wall != null;
        return Uni.combine().all().unis(report.dashboardAnswer(s, asOf, plan), tasks.plansForFilter(s)).asTuple()
                .flatMap(t -> {
                    KeptAnswers.Answer<Dashboard> answer = t.getItem1();
                    BodyKey key = new BodyKey(t.getItem2(), plan, wallMode, Today.date(), s.supervisor());
                    String known = answer.rendered(key);
                    Uni<String> body = known != null ? Uni.createFrom().item(known)
                            : Templates.body(view(answer.value(), asOf, plan, t.getItem2(), wallMode), s.supervisor())
                                    .createUni().invoke(html -> answer.remember(key, html));
                    Frame frame = new Frame(asOf, wallMode, REFRESH_SECONDS, DashboardView.wallUrl(asOf, plan));
                    return body.map(html -> Templates.dashboard(Chrome.of(s, "dashboard"), frame, html));
                });
    }

    private DashboardView view(Dashboard d, LocalDate asOf, String plan, List<Plan> plans, boolean wall) {
        Map<String, Long> totals = d.totals() == null ? Map.of() : d.totals();
        long onTime = totals.getOrDefault("DONE_ON_TIME", 0L);
        long late = totals.getOrDefault("DONE_LATE", 0L);
        long overdue = totals.getOrDefault("OVERDUE", 0L);
        Tiles tiles = new Tiles(onTime + late + overdue, onTime, late, overdue, d.onTimeRate());
        List<Bar> bars = d.overdueByUnit().stream().map(u -> new Bar(u.unitName(), u.overdue())).toList();
        List<Obligation> worst = d.worstOverdue() == null ? List.of() : d.worstOverdue();
        // the ten worst are /overdue's first page: their total is the OVERDUE tile's
        return new DashboardView(asOf, plan, plans, wall, REFRESH_SECONDS, tiles, totals, d.total(), write(d.monthlyTrend()),
                write(bars), d.overdueByUnit(), worst, overdue, d, d.watch().rectificationsToVerify());
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
