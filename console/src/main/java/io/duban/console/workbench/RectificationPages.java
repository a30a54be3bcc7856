package io.duban.console.workbench;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.FindingHistory;
import io.duban.console.api.ReportModels.NewRectification;
import io.duban.console.common.Chrome;
import io.duban.console.common.Dates;
import io.duban.console.common.FormErrors;
import io.duban.console.common.Today;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.duban.console.session.SessionCodec;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 整改 of one finding by the unit it names: the problem, its 整改期限 (working days left or late), what was reported and
 * what 复核 said (a 不通过's comment is what to fix), and the form to report the rectification (说明, 佐证链接, 整改日期)
 * while the finding is 待整改. Another unit's finding is report-service's 404, shown as the 404 page.
 */
@Path("/workbench/findings")
@Produces(MediaType.TEXT_HTML)
public class RectificationPages {

    @CheckedTemplate(basePath = "workbench")
    static class Templates {
        static native TemplateInstance finding(Chrome chrome, FindingView view, RectificationForm form, FormErrors errors);
    }

    /** The finding with its history, and the unit's view of its state (TODO, OVERDUE, RECTIFIED, CLOSED, NOT_REQUIRED). */
    public record FindingView(FindingHistory history, WorkbenchPages.Rectifying row, String state, boolean canReport,
                              String idempotencyKey, String saved, LocalDate today) {
    }

    /** The rectification form as entered. */
    public record RectificationForm(String note, String evidenceUrls, String rectifiedOn) {
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @Inject
    SessionCodec codec;

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> show(@PathParam("id") String id, @QueryParam("saved") String saved) {
        Session s = current.require("unit");
        return view(s, id, saved).map(v -> Templates.finding(Chrome.of(s, "workbench"), v,
                new RectificationForm("", "", Today.date().toString()), FormErrors.NONE));
    }

    @POST
    @Path("{id}/rectifications")
    public Uni<Response> rectify(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                 @RestForm String idempotencyKey, @RestForm String note,
                                 @RestForm String evidenceUrls, @RestForm String rectifiedOn) {
        current.require("unit");
        Session s = current.checkCsrf(csrf);
        RectificationForm form = new RectificationForm(note, evidenceUrls, rectifiedOn);
        List<String> urls = evidenceUrls == null ? List.of()
                : Arrays.stream(evidenceUrls.split("\\R")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        NewRectification body = new NewRectification(note == null || note.isBlank() ? null : note.strip(),
                urls.isEmpty() ? null : urls, Dates.iso(rectifiedOn));
        return report.rectify(s, id, idempotencyKey, body)
                .map(v -> Response.seeOther(URI.create("/workbench/findings/" + id + "?saved=rectified")).build())
                .onFailure(WorkbenchPages::refused).recoverWithUni(e -> view(s, id, null).map(v -> Response
                        .status(((ApiProblem) e).status() == 409 ? 409 : 400)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.finding(Chrome.of(s, "workbench"), v, form, FormErrors.of((ApiProblem) e)).render())
                        .build()));
    }

    private Uni<FindingView> view(Session s, String id, String saved) {
        LocalDate today = Today.date();
        return report.finding(s, id).map(h -> {
            FindingHistory f = h.value();
            WorkbenchPages.Rectifying row = WorkbenchPages.Rectifying.of(f.finding(), today, f.lastFail());
            String r = f.finding().rectification();
            String state = "OPEN".equals(r) ? row.state() : r;
            boolean canReport = "OPEN".equals(r) && f.finding().current();
            return new FindingView(f, row, state == null ? "" : state, canReport, codec.randomToken(), saved, today);
        });
    }
}
