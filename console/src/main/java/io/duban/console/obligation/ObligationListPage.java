package io.duban.console.obligation;

import io.duban.console.api.Paged;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportClient.ObligationQuery;
import io.duban.console.api.ReportModels.Obligation;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 事项清单: a region's obligations by 红黄蓝灯 or status, of a plan or a unit, as of a day — where the dashboard's
 * light tiles and per-unit counts lead. Paged by report-service's keyset cursor: 下一页 carries the page's
 * {@code next} as {@code after}, 回到第一页 drops it; only the first page asks for the total (docs/paging.md).
 */
@Path("/obligations")
@Produces(MediaType.TEXT_HTML)
public class ObligationListPage {

    static final int SIZE = 50;
    private static final Set<String> LIGHTS = Set.of("RED", "YELLOW", "BLUE");
    private static final Set<String> STATUSES = Set.of("OVERDUE", "DUE_SOON", "OPEN", "DONE_ON_TIME", "DONE_LATE");

    @CheckedTemplate(basePath = "obligation")
    static class Templates {
        static native TemplateInstance obligations(Chrome chrome, ListView view);
    }

    /** The list as shown: its filter, the page's rows, the total (first page only) and the links. */
    public record ListView(LocalDate asOf, String light, String status, String unitId, String planId, String unitName,
                           boolean firstPage, Long total, List<Obligation> items, String nextHref, String firstHref) {

        /** The heading: which light or status this list holds. */
        public String title() {
            if (light != null) {
                return switch (light) {
                    case "RED" -> "红灯（逾期未办）事项";
                    case "YELLOW" -> "黄灯（进度滞后）事项";
                    default -> "蓝灯（即将到期）事项";
                };
            }
            if (status != null) {
                return switch (status) {
                    case "OVERDUE" -> "逾期未办事项";
                    case "DUE_SOON" -> "即将到期事项";
                    case "OPEN" -> "未到期事项";
                    case "DONE_ON_TIME" -> "按时办结事项";
                    default -> "逾期办结事项";
                };
            }
            return "全部事项";
        }
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @GET
    public Uni<TemplateInstance> list(@QueryParam("asOf") String asOfParam, @QueryParam("light") String lightParam,
                                      @QueryParam("status") String statusParam, @QueryParam("unitId") String unitId,
                                      @QueryParam("planId") String planId, @QueryParam("after") String after) {
        Session s = current.require("supervisor", "viewer");
        LocalDate asOf = Today.asOf(asOfParam);
        // an unknown light or status is dropped rather than sent (the service would answer 400 for it)
        String light = pick(lightParam, LIGHTS);
        String status = light == null ? pick(statusParam, STATUSES) : null;
        String unit = blankToNull(unitId);
        String plan = blankToNull(planId);
        String cursor = blankToNull(after);
        ObligationQuery q = new ObligationQuery(asOf, plan, unit, light, status);
        return report.obligations(s, q, cursor, SIZE, cursor == null).map(p -> {
            String base = href(asOf, light, status, unit, plan);
            String unitName = unit == null || p.items().isEmpty() ? null : p.items().get(0).unitName();
            ListView view = new ListView(asOf, light, status, unit, plan, unitName, cursor == null,
                    cursor == null ? p.total() : null, p.items(), nextHref(base, p), base);
            return Templates.obligations(Chrome.of(s, "dashboard"), view);
        });
    }

    private static String nextHref(String base, Paged<Obligation> p) {
        return p.next() == null ? null : base + "&after=" + URLEncoder.encode(p.next(), StandardCharsets.UTF_8);
    }

    static String href(LocalDate asOf, String light, String status, String unitId, String planId) {
        StringBuilder b = new StringBuilder("/obligations?asOf=").append(asOf);
        if (light != null) {
            b.append("&light=").append(light);
        }
        if (status != null) {
            b.append("&status=").append(status);
        }
        if (unitId != null) {
            b.append("&unitId=").append(URLEncoder.encode(unitId, StandardCharsets.UTF_8));
        }
        if (planId != null) {
            b.append("&planId=").append(URLEncoder.encode(planId, StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String pick(String value, Set<String> allowed) {
        String v = blankToNull(value);
        return v != null && allowed.contains(v.trim()) ? v.trim() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
