package io.duban.console.province;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.console.api.ReportClient;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A prefecture's or province's view: open overdue obligations per county, as a chart and a table. */
@Path("/province")
@Produces(MediaType.TEXT_HTML)
public class ProvincePage {

    @CheckedTemplate(basePath = "province")
    static class Templates {
        static native TemplateInstance province(Chrome chrome, LocalDate asOf, OverdueSummary summary, String chartJson);
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @Inject
    ObjectMapper json;

    @GET
    public Uni<TemplateInstance> show(@QueryParam("asOf") String asOfParam) {
        Session s = current.require("supervisor", "viewer");
        LocalDate asOf = Today.asOf(asOfParam);
        return report.overdueSummary(s, asOf).map(sum -> {
            List<Map<String, Object>> bars = sum.regions().stream()
                    .map(r -> Map.<String, Object>of("name", r.region(), "value", r.overdue())).toList();
            try {
                return Templates.province(Chrome.of(s, "province"), asOf, sum, json.writeValueAsString(bars));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
