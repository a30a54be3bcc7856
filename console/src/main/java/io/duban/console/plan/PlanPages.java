package io.duban.console.plan;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.ReportClient;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.NewPlan;
import io.duban.console.api.TaskModels.Plan;
import io.duban.console.common.Chrome;
import io.duban.console.common.Dates;
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
import java.time.LocalDate;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** 任务: the plans (with the form to register a new one) and a plan as its table. */
@Path("/plans")
@Produces(MediaType.TEXT_HTML)
public class PlanPages {

    @CheckedTemplate(basePath = "plan")
    static class Templates {
        static native TemplateInstance plans(Chrome chrome, List<Plan> plans, NewPlanForm form, FormErrors errors);

        static native TemplateInstance plan(Chrome chrome, Plan plan, LocalDate asOf, List<PlanTable.Row> rows,
                                            long reviewCount);
    }

    /** The new-plan form as entered (kept when a field is refused). */
    public record NewPlanForm(String title, String docNumber, String issuedOn, String year, String kind) {
        static final NewPlanForm EMPTY = new NewPlanForm("", "", "", "", "KEY_TASKS");
    }

    @Inject
    CurrentSession current;

    @Inject
    TaskClient tasks;

    @Inject
    ReportClient report;

    @GET
    public Uni<TemplateInstance> list() {
        Session s = current.require("supervisor", "viewer");
        return tasks.plans(s).map(p -> Templates.plans(Chrome.of(s, "plans"), p, NewPlanForm.EMPTY, FormErrors.NONE));
    }

    @POST
    public Uni<Response> create(@RestForm("_csrf") String csrf, @RestForm String title, @RestForm String docNumber,
                                @RestForm String issuedOn, @RestForm String year, @RestForm String kind) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        NewPlanForm form = new NewPlanForm(title, docNumber, issuedOn, year, kind);
        Integer y;
        try {
            y = year == null || year.isBlank() ? null : Integer.valueOf(year.trim());
        } catch (NumberFormatException e) {
            return again(s, form, FormErrors.field("year", "年度应为四位数字。"));
        }
        return tasks.createPlan(s, new NewPlan(title, docNumber, Dates.iso(issuedOn), y, kind))
                .map(p -> Response.seeOther(URI.create("/plans/" + p.id() + "/import")).build())
                .onFailure(e -> e instanceof ApiProblem p && (p.status() == 400 || p.status() == 422))
                .recoverWithUni(e -> again(s, form, FormErrors.of((ApiProblem) e)));
    }

    private Uni<Response> again(Session s, NewPlanForm form, FormErrors errors) {
        return tasks.plans(s).map(p -> Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.plans(Chrome.of(s, "plans"), p, form, errors).render()).build());
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> plan(@PathParam("id") String id, @QueryParam("asOf") String asOfParam) {
        Session s = current.require("supervisor", "viewer");
        LocalDate asOf = Today.asOf(asOfParam);
        return Uni.combine().all()
                .unis(tasks.plan(s, id), tasks.tasks(s, id), tasks.assignmentsOfPlan(s, id), report.obligationsOfPlan(s, asOf, id))
                .asTuple()
                .map(t -> {
                    List<PlanTable.Row> rows = PlanTable.rows(t.getItem2(), t.getItem3(), t.getItem4());
                    long review = t.getItem2().stream().filter(x -> x.needsReview()).count();
                    return Templates.plan(Chrome.of(s, "plans"), t.getItem1(), asOf, rows, review);
                });
    }
}
