package io.duban.task.report;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.duban.common.web.Locations;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.web.Paging;
import io.duban.task.common.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 进展报告 of one assignment: append and read the history. */
@Path("/api/v1/regions/{region}/assignments/{id}/reports")
@Tag(name = "reports", description = "进展报告：单位上报的状态与佐证（只增不改）")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    @Inject
    ReportService reports;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "reportProgress", summary = "报告进展（需 If-Match；只增不改；支持 Idempotency-Key）")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT})
    @APIResponse(responseCode = "201", description = "the report and the assignment's new version",
            content = @Content(schema = @Schema(implementation = ReportService.ReportResponse.class)))
    public Uni<Response> create(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull ReportRequest body) {
        UUID assignmentId = Ids.path(id, "责任分解");
        return reports.report(region, assignmentId, Access.unitScope(caller).orElse(null), ifMatch, key, body, caller.name())
                .map(created -> Locations.at(Response.status(created.status()).type(MediaType.APPLICATION_JSON).entity(created.body()),
                                "/api/v1/regions/" + region + "/assignments/" + id + "/reports/" + created.reportId())
                        .header(HttpHeaders.ETAG, ETags.of(created.assignmentVersion())).build());
    }

    @GET
    @Operation(operationId = "listReports", summary = "一条责任分解的进展报告（按时间先后）")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Page<ReportDto>> history(@PathParam("region") String region, @PathParam("id") String id,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return reports.history(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null), Paging.of(page, size));
    }

    @GET
    @Operation(operationId = "getReport", summary = "一条进展报告")
    @Path("/{reportId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<ReportDto> one(@PathParam("region") String region, @PathParam("id") String id,
            @PathParam("reportId") String reportId) {
        return reports.one(region, Ids.path(id, "责任分解"), Ids.path(reportId, "进展报告"), Access.unitScope(caller).orElse(null));
    }
}
