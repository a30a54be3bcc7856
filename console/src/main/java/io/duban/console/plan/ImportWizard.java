package io.duban.console.plan;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.TaskClient;
import io.duban.console.api.TaskModels.ImportResult;
import io.duban.console.api.TaskModels.Plan;
import io.duban.console.common.Chrome;
import io.duban.console.common.FormErrors;
import io.duban.console.session.CurrentSession;
import io.duban.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The import wizard: upload a 任务分解表 (TSV, CSV, XLSX, DOCX) → task-service's dry run, with every
 * item that needs review highlighted → confirm, which imports the same bytes. The file travels back
 * in the preview form (the console keeps nothing between requests).
 */
@Path("/plans/{id}/import")
@Produces(MediaType.TEXT_HTML)
public class ImportWizard {

    @CheckedTemplate(basePath = "plan")
    static class Templates {
        static native TemplateInstance upload(Chrome chrome, Plan plan, FormErrors errors);

        static native TemplateInstance preview(Chrome chrome, Plan plan, String fileName, String table, ImportResult result);
    }

    @Inject
    CurrentSession current;

    @Inject
    TaskClient tasks;

    @GET
    public Uni<TemplateInstance> form(@PathParam("id") String id) {
        Session s = current.require("supervisor");
        return tasks.plan(s, id).map(p -> Templates.upload(Chrome.of(s, "plans"), p, FormErrors.NONE));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public Uni<Response> preview(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                 @RestForm("table") FileUpload upload) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        if (upload == null || upload.size() == 0) {
            return failed(s, id, FormErrors.field("table", "请选择要导入的任务表文件。"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(upload.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = upload.fileName();
        return Uni.combine().all().unis(tasks.plan(s, id), tasks.importTable(s, id, true, mediaType(name), bytes)).asTuple()
                .map(t -> ok(Templates.preview(Chrome.of(s, "plans"), t.getItem1(), name,
                        Base64.getEncoder().encodeToString(bytes), t.getItem2())))
                .onFailure(this::refused).recoverWithUni(e -> failed(s, id, tableErrors((ApiProblem) e)));
    }

    @POST
    @Path("confirm")
    public Uni<Response> confirm(@PathParam("id") String id, @RestForm("_csrf") String csrf,
                                 @RestForm String table, @RestForm String fileName) {
        current.require("supervisor");
        Session s = current.checkCsrf(csrf);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(table == null ? "" : table);
        } catch (IllegalArgumentException e) {
            return failed(s, id, FormErrors.field("table", "文件内容有误，请重新上传。"));
        }
        return tasks.importTable(s, id, false, mediaType(fileName), bytes)
                .map(r -> Response.seeOther(URI.create("/plans/" + id + "?imported=" + r.tasks())).build())
                .onFailure(this::refused).recoverWithUni(e -> failed(s, id, tableErrors((ApiProblem) e)));
    }

    private boolean refused(Throwable e) {
        return e instanceof ApiProblem p && p.status() >= 400 && p.status() < 500 && p.status() != 401 && p.status() != 403
                && p.status() != 404;
    }

    /** The table's problems all belong to the file field (task-service names lines: "line 12"). */
    private static FormErrors tableErrors(ApiProblem p) {
        StringBuilder lines = new StringBuilder();
        for (ApiProblem.FieldError e : p.errors()) {
            if (lines.length() > 0) {
                lines.append("；");
            }
            lines.append(e.field().replace("line ", "第") .replaceAll("^第(\\d+)$", "第$1行")).append("：").append(e.message());
        }
        return new FormErrors(p.detail(), lines.length() == 0 ? java.util.Map.of() : java.util.Map.of("table", lines.toString()));
    }

    private Uni<Response> failed(Session s, String id, FormErrors errors) {
        return tasks.plan(s, id).map(p -> Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.upload(Chrome.of(s, "plans"), p, errors).render()).build());
    }

    private static Response ok(TemplateInstance t) {
        return Response.ok(t.render()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    /** The media type task-service reads the table as, by the file's extension (sniffed when unknown). */
    static String mediaType(String fileName) {
        String n = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".tsv") || n.endsWith(".txt")) {
            return "text/tab-separated-values";
        }
        if (n.endsWith(".csv")) {
            return "text/csv";
        }
        if (n.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (n.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return "application/octet-stream";
    }
}
