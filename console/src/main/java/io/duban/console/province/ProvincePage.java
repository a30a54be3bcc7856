package io.duban.console.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Dashboard;
import io.duban.console.api.ReportModels.OverdueSummary;
import io.duban.console.common.Chrome;
import io.duban.console.common.Today;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A prefecture's or province's view: open overdue obligations per county, as a chart and a table; and one
 * county opened read-only (its dashboard's numbers, charts and lists; no forms, no links into the county's
 * own pages, which are its own people's).
 */
@Path("/province")
@Produces(MediaType.TEXT_HTML)
public class ProvincePage {

    @CheckedTemplate(basePath = "province")
    static class Templates {
        static native TemplateInstance province(Chrome chrome, String body);

        static native TemplateInstance body(LocalDate asOf, OverdueSummary summary, String chartJson, RegionNames names);

        static native TemplateInstance county(Chrome chrome, CountyView view);
    }

    /** One county as its prefecture sees it. */
    public record CountyView(String county, String countyName, LocalDate asOf, Dashboard dashboard, long due,
                             String trendJson, String overdueByUnitJson) {

        /** The year the trend covers: the county's plans' (report-service chooses it), asOf's when not said. */
        public int trendYear() {
            return dashboard.trendYear() == null ? asOf.getYear() : dashboard.trendYear();
        }

        public long count(String status) {
            return dashboard.totals() == null ? 0 : dashboard.totals().getOrDefault(status, 0L);
        }
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @Inject
    ObjectMapper json;

    @Inject
    RegionNames names;

    @GET
    public Uni<TemplateInstance> show(@QueryParam("asOf") String asOfParam) {
        Session s = current.require("supervisor", "viewer");
        LocalDate asOf = Today.asOf(asOfParam);
        // the body is rendered once per summary answer (and day: it says 今天); a 304 reuses it
        return report.overdueSummary(s, asOf).flatMap(answer -> {
            LocalDate today = Today.date();
            String known = answer.rendered(today);
            Uni<String> body = known != null ? Uni.createFrom().item(known) : body(answer.value(), asOf).createUni()
                    .invoke(html -> answer.remember(today, html));
            return body.map(html -> Templates.province(Chrome.of(s, "province"), html));
        });
    }

    private TemplateInstance body(OverdueSummary sum, LocalDate asOf) {
        List<Map<String, Object>> bars = sum.regions().stream()
                .map(r -> Map.<String, Object>of("name", names.label(r.region()), "value", r.overdue())).toList();
        return Templates.body(asOf, sum, write(bars), names);
    }

    @GET
    @Path("counties/{county}")
    public Uni<TemplateInstance> county(@PathParam("county") String county, @QueryParam("asOf") String asOfParam) {
        Session s = current.require("supervisor", "viewer");
        if (!county.matches("\\d{6}")) {
            throw new NotFoundException();
        }
        LocalDate asOf = Today.asOf(asOfParam);
        return report.countyDashboard(s, county, asOf).map(d -> {
            Map<String, Long> t = d.totals() == null ? Map.of() : d.totals();
            long due = t.getOrDefault("DONE_ON_TIME", 0L) + t.getOrDefault("DONE_LATE", 0L) + t.getOrDefault("OVERDUE", 0L);
            List<Map<String, Object>> bars = d.overdueByUnit().stream()
                    .map(u -> Map.<String, Object>of("name", u.unitName(), "value", u.overdue())).toList();
            return Templates.county(Chrome.of(s, "province"),
                    new CountyView(county, names.name(county), asOf, d, due, write(d.monthlyTrend()), write(bars)));
        });
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
