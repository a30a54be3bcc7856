package io.duban.console.assessment;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Assessment;
import io.duban.console.bulletin.BulletinPages;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.duban.console.common.Today;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/** 考核: the year's ranking table, the Excel workbook, finalizing (freezes the year). */
@Path("/assessments")
public class AssessmentPages {

    @CheckedTemplate(basePath = "assessment")
    static class Templates {
        static native TemplateInstance assessment(Chrome chrome, int year, Assessment assessment, FormErrors errors);
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> show(@QueryParam("year") Integer yearParam) {
        Session s = current.require("supervisor", "viewer");
        int year = yearParam == null ? Today.date().getYear() - (Today.date().getMonthValue() < 3 ? 1 : 0) : yearParam;
        return report.assessment(s, year).map(a -> Templates.assessment(Chrome.of(s, "assessments"), year, a, FormErrors.NONE));
    }

    @GET
    @Path("{year}/workbook")
    public Uni<Response> workbook(@PathParam("year") int year) {
        Session s = current.require("supervisor", "viewer");
        return report.assessmentWorkbook(s, year).map(BulletinPages::attachment);
    }

    @POST
    @Path("{year}/finalization")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> finalizeYear(@PathParam("year") int year, @RestForm("_csrf") String csrf) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return report.finalizeAssessment(s, year)
                .map(v -> Response.seeOther(URI.create("/assessments?year=" + year)).build())
                .onFailure(e -> e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409))
                .recoverWithUni(e -> report.assessment(s, year).map(a -> Response.status(409)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.assessment(Chrome.of(s, "assessments"), year, a, FormErrors.of((ApiProblem) e)).render())
                        .build()));
    }
}
