package io.duban.task.ledger;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 工作台账: each unit's entries per assignment, its 报送, the plan's overview and the Excel exports. */
@Tag(name = "ledgers", description = "工作台账：责任科室、责任人、工作措施、计划完成时间")
@Path("/api/v1/regions/{region}")
public class LedgerResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerService service;

    @Inject
    Caller caller;

    @PUT
    @Operation(operationId = "putLedgerEntry", summary = "填写台账")
    @Path("/assignments/{id}/ledger")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT, Roles.SUPERVISOR})
    @APIResponse(responseCode = "200", description = "the entry's new version (ETag); a first entry needs no If-Match",
            content = @Content(schema = @Schema(implementation = LedgerEntryDto.class)))
    @APIResponse(responseCode = "422", description = "计划完成时间 after the task's due day")
    public Uni<Response> put(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LedgerEntryRequest body) {
        return service.save(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null), ifMatch, body, caller.name())
                .map(LedgerResource::withETag);
    }

    @GET
    @Operation(operationId = "getLedgerEntry", summary = "一个责任分解的台账")
    @Path("/assignments/{id}/ledger")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        return service.entry(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null)).map(LedgerResource::withETag);
    }

    @GET
    @Operation(operationId = "listLedgerEntryVersions", summary = "台账的各版本")
    @Path("/assignments/{id}/ledger/history")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<List<LedgerEntryDto>> history(@PathParam("region") String region, @PathParam("id") String id) {
        return service.history(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null));
    }

    @POST
    @Operation(operationId = "submitLedger", summary = "报送工作台账")
    @Path("/units/{unitId}/ledgers/{planId}/submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT, Roles.SUPERVISOR})
    @APIResponse(responseCode = "201", description = "the submission (报送) with the entries filled at that moment",
            content = @Content(schema = @Schema(implementation = LedgerSubmissionDto.class)))
    public Uni<Response> submit(@PathParam("region") String region, @PathParam("unitId") String unitId,
            @PathParam("planId") String planId, @HeaderParam("Idempotency-Key") String key, SubmissionRequest body) {
        return service.submit(region, Ids.path(unitId, "单位"), Ids.path(planId, "工作方案"), Access.unitScope(caller).orElse(null),
                        key, caller.name(), body == null ? null : body.submittedOn())
                .map(stored -> Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body()).build());
    }

    @GET
    @Operation(operationId = "listLedgerRows", summary = "单位的工作台账")
    @Path("/units/{unitId}/ledgers/{planId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<List<LedgerRow>> rows(@PathParam("region") String region, @PathParam("unitId") String unitId,
            @PathParam("planId") String planId) {
        return service.rows(region, Ids.path(unitId, "单位"), Ids.path(planId, "工作方案"), Access.unitScope(caller).orElse(null));
    }

    @GET
    @Operation(operationId = "exportUnitLedger", summary = "单位工作台账（Excel）")
    @Path("/units/{unitId}/ledgers/{planId}")
    @Produces(XLSX)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @APIResponse(responseCode = "200", description = "the unit's 工作台账 as an Excel sheet",
            content = @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<Response> unitXlsx(@PathParam("region") String region, @PathParam("unitId") String unitId,
            @PathParam("planId") String planId) {
        return service.unitWorkbook(region, Ids.path(unitId, "单位"), Ids.path(planId, "工作方案"), Access.unitScope(caller).orElse(null))
                .map(bytes -> download(bytes, "ledger-" + unitId + ".xlsx"));
    }

    @GET
    @Operation(operationId = "getLedgerStatus", summary = "各单位台账填写与报送情况")
    @Path("/plans/{id}/ledger-status")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    public Uni<List<LedgerStatus>> status(@PathParam("region") String region, @PathParam("id") String id) {
        return service.status(region, Ids.path(id, "工作方案"));
    }

    @GET
    @Operation(operationId = "exportPlanLedgers", summary = "全部单位工作台账（Excel，每单位一页）")
    @Path("/plans/{id}/ledgers")
    @Produces(XLSX)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @APIResponse(responseCode = "200", description = "every unit's 工作台账 of the plan, one sheet per unit",
            content = @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Uni<Response> planXlsx(@PathParam("region") String region, @PathParam("id") String id) {
        return service.planWorkbook(region, Ids.path(id, "工作方案")).map(bytes -> download(bytes, "ledgers-" + id + ".xlsx"));
    }

    /**
     * Optional body of a submission: {@code submittedOn} lets the supervisor record (补录) a ledger handed in on
     * paper earlier; a unit's own submission is dated today.
     */
    public record SubmissionRequest(java.time.LocalDate submittedOn) {
    }

    private static Response withETag(LedgerEntryDto e) {
        return Response.ok(e).header(HttpHeaders.ETAG, ETags.of(e.version())).build();
    }

    private static Response download(byte[] bytes, String filename) {
        return Response.ok(bytes, XLSX).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
