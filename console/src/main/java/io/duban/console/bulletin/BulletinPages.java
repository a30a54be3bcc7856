package io.duban.console.bulletin;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Bulletin;
import io.duban.console.api.ReportModels.BulletinSummary;
import io.duban.console.api.ReportModels.Download;
import io.duban.console.api.TaskModels.Versioned;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 通报: the quarterly bulletins, drafting one, a bulletin with its HTML preview (report-service's own
 * rendering, in a sandboxed frame), editing 下一步工作要求, downloading the Word document, publishing.
 */
@Path("/bulletins")
public class BulletinPages {

    @CheckedTemplate(basePath = "bulletin")
    static class Templates {
        static native TemplateInstance bulletins(Chrome chrome, List<BulletinSummary> bulletins, int year, int quarter,
                                                 FormErrors errors);

        static native TemplateInstance bulletin(Chrome chrome, Bulletin bulletin, String etag, FormErrors errors,
                                                String saved);
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> list() {
        Session s = current.require("supervisor", "viewer");
        var today = Today.date();
        return report.bulletins(s).map(b -> Templates.bulletins(Chrome.of(s, "bulletins"), b, today.getYear(),
                (today.getMonthValue() - 1) / 3 + 1, FormErrors.NONE));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> draft(@RestForm("_csrf") String csrf, @RestForm int year, @RestForm int quarter) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return report.draftBulletin(s, year, quarter)
                .map(b -> Response.seeOther(URI.create("/bulletins/" + b.id())).build())
                .onFailure(e -> e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409))
                .recoverWithUni(e -> report.bulletins(s).map(b -> Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.bulletins(Chrome.of(s, "bulletins"), b, year, quarter, FormErrors.of((ApiProblem) e)).render())
                        .build()));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> show(@PathParam("id") String id, @QueryParam("saved") String saved) {
        Session s = current.require("supervisor", "viewer");
        return report.bulletin(s, id).map(b -> Templates.bulletin(Chrome.of(s, "bulletins"), b.value(), b.etag(),
                FormErrors.NONE, saved));
    }

    /** report-service's HTML rendering, framed by the bulletin page: it may run nothing and load nothing. */
    @GET
    @Path("{id}/preview")
    public Uni<Response> preview(@PathParam("id") String id) {
        Session s = current.require("supervisor", "viewer");
        return report.bulletinDocument(s, id, "text/html").map(d -> Response.ok(d.bytes())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:")
                .build());
    }

    @GET
    @Path("{id}/document")
    public Uni<Response> word(@PathParam("id") String id) {
        Session s = current.require("supervisor", "viewer");
        return report.bulletinDocument(s, id, ReportClient.DOCX).map(BulletinPages::attachment);
    }

    @POST
    @Path("{id}/next-steps")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> nextSteps(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String etag,
                                   @RestForm String nextSteps) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return report.editBulletin(s, id, etag, nextSteps)
                .map(v -> Response.seeOther(URI.create("/bulletins/" + id + "?saved=nextSteps")).build())
                .onFailure(BulletinPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e));
    }

    @POST
    @Path("{id}/publication")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> publish(@PathParam("id") String id, @RestForm("_csrf") String csrf) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return report.publishBulletin(s, id)
                .map(v -> Response.seeOther(URI.create("/bulletins/" + id + "?saved=published")).build())
                .onFailure(BulletinPages::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e));
    }

    private static boolean refused(Throwable e) {
        return e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 412 || p.status() == 428);
    }

    private Uni<Response> again(Session s, String id, ApiProblem p) {
        return report.bulletin(s, id).map((Versioned<Bulletin> b) -> Response.status(p.status() == 400 ? 400 : 409)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.bulletin(Chrome.of(s, "bulletins"), b.value(), b.etag(), FormErrors.of(p), null).render())
                .build());
    }

    /** A document as a download with the file name report-service gave it. */
    public static Response attachment(Download d) {
        Response.ResponseBuilder r = Response.ok(d.bytes()).type(d.contentType());
        if (d.contentDisposition() != null) {
            r.header("Content-Disposition", d.contentDisposition());
        }
        return r.build();
    }
}
