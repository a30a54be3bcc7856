package io.duban.console.unit;

import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Assessment;
import io.duban.console.api.ReportModels.UnitResult;
import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportModels.DirectExtension;
import io.duban.console.api.ReportModels.Finding;
import io.duban.console.api.ReportModels.NewUrge;
import io.duban.console.common.Chrome;
import io.duban.console.common.Dates;
import io.duban.console.session.SessionCodec;
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

        static native TemplateInstance unit(Chrome chrome, Unit unit, WorkbenchPages.WorkbenchView view,
                                            List<Finding> overdueFindings, Acted acted, FormErrors errors, String saved);
    }

    /**
     * Which of the unit page's forms a service refused and what was typed: {@code form} is {@code urge} (the whole
     * unit, {@code id} empty, or one obligation) or {@code extend} (one obligation); {@code noChannel} when the unit has
     * no alert channel (the page links to 提醒).
     */
    public record Acted(String form, String id, String message, String dueOn, String reason, boolean noChannel) {

        static final Acted NONE = new Acted("", "", "", "", "", false);

        public boolean is(String which, String obligationId) {
            return form.equals(which) && id.equals(obligationId == null ? "" : obligationId);
        }

        public String dueOf(String obligationId) {
            return is("extend", obligationId) ? dueOn : "";
        }

        public String reasonOf(String obligationId) {
            return is("extend", obligationId) ? reason : "";
        }
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

    @Inject
    SessionCodec codec;

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
    public Uni<TemplateInstance> unit(@PathParam("id") String id, @QueryParam("asOf") String asOfParam,
                                      @QueryParam("saved") String saved) {
        Session s = current.require("supervisor", "viewer");
        return agendaPage(s, id, Today.asOf(asOfParam), Acted.NONE, FormErrors.NONE, saved);
    }

    private Uni<TemplateInstance> agendaPage(Session s, String id, LocalDate asOf, Acted acted, FormErrors errors,
                                             String saved) {
        return Uni.combine().all().unis(org.unit(s, id), report.agenda(s, id, asOf)).asTuple()
                .map(t -> Templates.unit(Chrome.of(s, "units"), t.getItem1(),
                        WorkbenchPages.view(t.getItem2(), asOf, List.of(), codec.randomToken()),
                        t.getItem2().overdueFindings() == null ? List.of() : t.getItem2().overdueFindings(), acted, errors,
                        saved));
    }

    /**
     * 催办: the unit on one obligation or one overdue finding, or (none named) on all its overdue items and overdue findings, sent at once to
     * the unit's channel. A unit without a channel is report-service's 422 (the page links to 提醒); a second urge of
     * the same item on one working day is its 409.
     */
    @POST
    @Path("{id}/urges")
    public Uni<Response> urge(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String idempotencyKey,
                              @RestForm String obligationId, @RestForm String findingId, @RestForm String message) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        String obligation = obligationId == null || obligationId.isBlank() ? null : obligationId;
        String finding = findingId == null || findingId.isBlank() ? null : findingId;
        String oid = obligation != null ? obligation : finding;
        return report.urge(s, idempotencyKey, new NewUrge(id, obligation == null ? null : List.of(obligation),
                        finding == null ? null : List.of(finding), message == null || message.isBlank() ? null : message.strip()))
                .map(v -> Response.seeOther(java.net.URI.create("/units/" + id + "?saved=urged")).build())
                .onFailure(UnitPages::refusedAction)
                .recoverWithUni(e -> {
                    ApiProblem p = (ApiProblem) e;
                    Acted acted = new Acted("urge", oid == null ? "" : oid, message == null ? "" : message, "", "",
                            p.status() == 422 && p.body().has("channel"));
                    return agendaPage(s, id, Today.date(), acted, FormErrors.of(p), null).map(t -> status(p, t));
                });
    }

    /** 直接延期 of one obligation by the supervisor (also an overdue one), e.g. after a policy change. */
    @POST
    @Path("{id}/obligations/{obligationId}/extension")
    public Uni<Response> extend(@PathParam("id") String id, @PathParam("obligationId") String obligationId,
                                @RestForm("_csrf") String csrf, @RestForm String idempotencyKey,
                                @RestForm String dueOn, @RestForm String reason) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return report.extend(s, obligationId, idempotencyKey, new DirectExtension(Dates.iso(dueOn),
                        reason == null || reason.isBlank() ? null : reason.strip()))
                .map(v -> Response.seeOther(java.net.URI.create("/units/" + id + "?saved=extended")).build())
                .onFailure(UnitPages::refusedAction)
                .recoverWithUni(e -> agendaPage(s, id, Today.date(), new Acted("extend", obligationId, "",
                        dueOn == null ? "" : dueOn, reason == null ? "" : reason, false), FormErrors.of((ApiProblem) e), null)
                        .map(t -> status((ApiProblem) e, t)));
    }

    private static boolean refusedAction(Throwable e) {
        return e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 412
                || p.status() == 422 || p.status() == 428);
    }

    private static Response status(ApiProblem p, TemplateInstance t) {
        return Response.status(p.status() == 409 ? 409 : 400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(t.render()).build();
    }
}
