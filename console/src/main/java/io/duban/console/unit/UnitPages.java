package io.duban.console.unit;

import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Assessment;
import io.duban.console.api.ReportModels.UnitResult;
import io.duban.console.api.ApiProblem;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.duban.console.common.Today;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.duban.console.workbench.WorkbenchPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 单位: every unit with its on-time rate and open overdue for the year of {@code asOf} (report-service
 * has no per-unit rate of its own; the 考核 computation of that year as of the day carries the counts),
 * and a unit's page = its agenda.
 */
@Path("/units")
@Produces(MediaType.TEXT_HTML)
public class UnitPages {

    @CheckedTemplate(basePath = "unit")
    static class Templates {
        static native TemplateInstance units(Chrome chrome, LocalDate asOf, List<UnitRow> rows, FormErrors errors,
                                             String imported);

        static native TemplateInstance unit(Chrome chrome, Unit unit, WorkbenchPages.WorkbenchView view);
    }

    /** A unit's line: obligations due and judged in the year, on time, late, open overdue, and the rate. */
    public record UnitRow(Unit unit, long due, long onTime, long late, long overdue, Double onTimeRate) {
    }

    @Inject
    CurrentSession current;

    @Inject
    OrgClient org;

    @Inject
    ReportClient report;

    @GET
    public Uni<TemplateInstance> list(@QueryParam("asOf") String asOfParam, @QueryParam("imported") String imported) {
        Session s = current.require("supervisor", "viewer");
        return rows(s, Today.asOf(asOfParam), FormErrors.NONE, imported);
    }

    private Uni<TemplateInstance> rows(Session s, LocalDate asOf, FormErrors errors, String imported) {
        return Uni.combine().all().unis(org.units(s), report.assessmentAsOf(s, asOf)).asTuple().map(t -> {
            Map<String, UnitResult> byUnit = t.getItem2().units().stream()
                    .collect(Collectors.toMap(UnitResult::unitId, Function.identity(), (a, b) -> a));
            List<UnitRow> rows = t.getItem1().stream().map(u -> {
                UnitResult r = byUnit.get(u.id());
                if (r == null) {
                    return new UnitRow(u, 0, 0, 0, 0, null);
                }
                long judged = r.task().onTime() + r.task().doneLate() + r.task().overdueOpen();
                return new UnitRow(u, judged, r.task().onTime(), r.task().doneLate(), r.task().overdueOpen(),
                        judged == 0 ? null : (double) r.task().onTime() / judged);
            }).sorted(Comparator.comparing((UnitRow r) -> -r.overdue()).thenComparing(r -> r.unit().name())).toList();
            return Templates.units(Chrome.of(s, "units"), asOf, rows, errors, imported);
        });
    }

    /** Loads or updates the region's units from the org-service TSV format (the first step of a new county). */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Uni<Response> importUnits(@RestForm("_csrf") String csrf, @RestForm("table") FileUpload upload) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        if (upload == null || upload.size() == 0) {
            return rows(s, Today.date(), FormErrors.field("table", "请选择单位表文件。"), null).map(UnitPages::refused);
        }
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(upload.uploadedFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return org.importUnits(s, bytes)
                .map(r -> Response.seeOther(java.net.URI.create("/units?imported=" + r.created() + "-" + r.updated() + "-"
                        + r.unchanged())).build())
                .onFailure(e -> e instanceof ApiProblem p && p.status() >= 400 && p.status() < 500 && p.status() != 401
                        && p.status() != 403)
                .recoverWithUni(e -> rows(s, Today.date(), FormErrors.of((ApiProblem) e), null).map(UnitPages::refused));
    }

    private static Response refused(TemplateInstance t) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> unit(@PathParam("id") String id, @QueryParam("asOf") String asOfParam) {
        Session s = current.require("supervisor", "viewer");
        LocalDate asOf = Today.asOf(asOfParam);
        return Uni.combine().all().unis(org.unit(s, id), report.agenda(s, id, asOf)).asTuple()
                .map(t -> Templates.unit(Chrome.of(s, "units"), t.getItem1(), WorkbenchPages.view(t.getItem2(), asOf, java.util.List.of(), "")));
    }
}
