package io.duban.task.tableimport;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** POST /plans/{id}/import: the table is the body (TSV, CSV, XLSX or DOCX). */
@Path("/api/v1/regions/{region}/plans/{id}/import")
@Tag(name = "plans", description = "工作方案：印发的文件")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    @Inject
    ImportService imports;

    @Inject
    ImportConfig config;

    @POST
    @Operation(operationId = "importPlanTable", summary = "导入任务分解表（TSV、CSV、XLSX、DOCX；dryRun 只检查不写入）")
    @Consumes({TableReader.TSV, TableReader.CSV, TableReader.XLSX, TableReader.DOCX, MediaType.APPLICATION_OCTET_STREAM,
            MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<ImportResult> importTable(@PathParam("region") String region, @PathParam("id") String id,
            @QueryParam("dryRun") boolean dryRun, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        long maxBytes = config.maxBytes();
        if (body != null && body.length > maxBytes) {
            throw ProblemException.payloadTooLarge("表格文件过大（" + body.length / 1024 / 1024 + " MB），上限为 " + maxBytes / 1024 / 1024 + " MB。");
        }
        return imports.importTable(region, Ids.path(id, "工作方案"), body, contentType, dryRun, authorization);
    }
}
