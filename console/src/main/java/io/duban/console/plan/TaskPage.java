package io.duban.console.plan;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.OrgClient;
import io.duban.console.api.OrgModels.Unit;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.Task;
import io.duban.console.api.TaskModels.TaskCorrection;
import io.duban.console.api.TaskModels.Versioned;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/** One task: its row, what needs review, and the supervisor's two fixes — designate units, correct the row. */
@Path("/tasks/{id}")
@Produces(MediaType.TEXT_HTML)
public class TaskPage {

    @CheckedTemplate(basePath = "plan")
    static class Templates {
        static native TemplateInstance task(Chrome chrome, Task task, String etag, String ruleWords, List<Unit> units,
                                            Set<String> designated, FormErrors errors, String saved);
    }

    @Inject
    CurrentSession current;

    @Inject
    TaskClient tasks;

    @Inject
    OrgClient org;

    @GET
    public Uni<TemplateInstance> show(@PathParam("id") String id, @jakarta.ws.rs.QueryParam("saved") String saved) {
        Session s = current.require("supervisor", "viewer");
        return page(s, id, FormErrors.NONE, saved);
    }

    @POST
    @Path("designations")
    public Uni<Response> designate(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String etag,
                                   @RestForm("unitId") List<String> unitIds) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return tasks.designate(s, id, etag, unitIds == null ? List.of() : unitIds)
                .map(v -> Response.seeOther(URI.create("/tasks/" + id + "?saved=designated")).build())
                .onFailure(TaskPage::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e, "unitIds"));
    }

    @POST
    @Path("correction")
    public Uni<Response> correct(@PathParam("id") String id, @RestForm("_csrf") String csrf, @RestForm String etag,
                                 @RestForm String requirement, @RestForm String responsibleText,
                                 @RestForm String deadlineText) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        return tasks.task(s, id).flatMap(before -> {
            Task t = before.value();
            TaskCorrection c = new TaskCorrection(changed(requirement, t.requirement()),
                    changed(responsibleText, t.responsibleText()), changed(deadlineText, t.deadlineText()));
            if (c.requirement() == null && c.responsibleText() == null && c.deadlineText() == null) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/tasks/" + id)).build());
            }
            return tasks.correctTask(s, id, etag, c)
                    .map(v -> Response.seeOther(URI.create("/tasks/" + id + "?saved=corrected")).build());
        }).onFailure(TaskPage::refused).recoverWithUni(e -> again(s, id, (ApiProblem) e, null));
    }

    private static String changed(String entered, String before) {
        if (entered == null) {
            return null;
        }
        String e = entered.strip();
        return e.equals(before == null ? "" : before.strip()) ? null : e;
    }

    private static boolean refused(Throwable e) {
        return e instanceof ApiProblem p && (p.status() == 400 || p.status() == 409 || p.status() == 412
                || p.status() == 422 || p.status() == 428);
    }

    private Uni<Response> again(Session s, String id, ApiProblem p, String field) {
        FormErrors errors = field != null && p.errors().isEmpty() ? new FormErrors(null, java.util.Map.of(field, p.detail()))
                : FormErrors.of(p);
        return page(s, id, errors, null).map(t -> Response.status(p.status() == 412 ? 409 : 400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(t.render()).build());
    }

    private Uni<TemplateInstance> page(Session s, String id, FormErrors errors, String saved) {
        return Uni.combine().all().unis(tasks.task(s, id), org.units(s)).asTuple().map(t -> {
            Versioned<Task> task = t.getItem1();
            Set<String> designated = task.value().designated() == null ? Set.of()
                    : task.value().designated().stream().map(d -> d.unitId()).collect(Collectors.toSet());
            List<Unit> active = t.getItem2().stream().filter(Unit::active).toList();
            return Templates.task(Chrome.of(s, "plans"), task.value(), task.etag(), PlanTable.ruleWords(task.value()),
                    active, designated, errors, saved);
        });
    }
}
