package io.duban.console.finding;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.api.ReportClient;
import io.duban.console.api.ReportModels.Finding;
import io.duban.console.api.ReportModels.NewFinding;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * 督查: the findings (抽测/检查问题) of the region, newest first, with each one's 整改期限 and 整改 state, and the form to
 * record one (its 整改期限, by default the region's working days after the day found, or 无需整改).
 */
@Path("/findings")
@Produces(MediaType.TEXT_HTML)
public class FindingPages {

    @CheckedTemplate(basePath = "finding")
    static class Templates {
        static native TemplateInstance findings(Chrome chrome, List<Finding> findings, List<Unit> units,
                                                FindingForm form, FormErrors errors, String idempotencyKey,
                                                java.time.LocalDate today);
    }

    /** The finding form as entered. */
    public record FindingForm(String unitId, String foundOn, String source, String description, String points,
                              String rectifyBy, boolean noRectification) {
    }

    @Inject
    CurrentSession current;

    @Inject
    ReportClient report;

    @Inject
    OrgClient org;

    @Inject
    SessionCodec codec;

    @GET
    public Uni<TemplateInstance> list() {
        Session s = current.require("supervisor", "viewer");
        return page(s, new FindingForm("", Today.date().toString(), "DAILY_CHECK", "", "", "", false), FormErrors.NONE);
    }

    @POST
    public Uni<Response> record(@RestForm("_csrf") String csrf, @RestForm String idempotencyKey, @RestForm String unitId,
                                @RestForm String foundOn, @RestForm String source, @RestForm String description,
                                @RestForm String points, @RestForm String rectifyBy,
                                @RestForm String noRectification) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        boolean none = noRectification != null && !noRectification.isBlank();
        FindingForm form = new FindingForm(unitId, foundOn, source, description, points, rectifyBy, none);
        BigDecimal p;
        try {
            p = points == null || points.isBlank() ? null : new BigDecimal(points.trim());
        } catch (NumberFormatException e) {
            return page(s, form, FormErrors.field("points", "扣分应为数字（最多两位小数）。")).map(FindingPages::refusedPage);
        }
        return report.recordFinding(s, idempotencyKey, new NewFinding(unitId, Dates.iso(foundOn), source, description, p,
                        none ? null : Dates.iso(rectifyBy), none ? Boolean.FALSE : null))
                .map(f -> Response.seeOther(URI.create("/findings")).build())
                .onFailure(e -> e instanceof ApiProblem a && (a.status() == 400 || a.status() == 409 || a.status() == 422))
                .recoverWithUni(e -> page(s, form, FormErrors.of((ApiProblem) e)).map(FindingPages::refusedPage));
    }

    private static Response refusedPage(TemplateInstance t) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build();
    }

    private Uni<TemplateInstance> page(Session s, FindingForm form, FormErrors errors) {
        return Uni.combine().all().unis(report.findings(s), org.units(s)).asTuple().map(t -> {
            List<Finding> newest = new ArrayList<>(t.getItem1());
            newest.sort(Comparator.comparing(Finding::foundOn).reversed());
            return Templates.findings(Chrome.of(s, "findings"), newest, t.getItem2().stream().filter(Unit::active).toList(),
                    form, errors, codec.randomToken(), Today.date());
        });
    }
}
