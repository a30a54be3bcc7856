package io.duban.task.plan;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.duban.common.web.Locations;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Roles;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.web.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import io.duban.common.web.ETags;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 工作方案: the issued documents whose tables are imported. */
@Path("/api/v1/regions/{region}/plans")
@Tag(name = "plans", description = "工作方案：印发的文件")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    PlanRepository plans;

    @Inject
    PlanService service;

    @POST
    @Operation(operationId = "createPlan", summary = "新建工作方案")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "201", description = "the created plan (Location: its URL)",
            content = @Content(schema = @Schema(implementation = PlanDto.class)))
    public Uni<Response> create(@PathParam("region") String region, @Valid @NotNull CreatePlanRequest body) {
        body.checkIssuedOn();
        return service.create(region, body)
                .map(saved -> Locations.created("/api/v1/regions/" + region + "/plans/" + saved.id())
                        .entity(saved).build());
    }

    @GET
    @Operation(operationId = "listPlans", summary = "工作方案列表（新者在前）")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Page<PlanDto>> list(@PathParam("region") String region,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return plans.list(region, Paging.of(page, size));
    }

    /** PUT /plans/{id}/ledger-due-on body. */
    public record LedgerDueOnRequest(@NotNull(message = "ledgerDueOn 不能为空") java.time.LocalDate ledgerDueOn) {
    }

    @PUT
    @Operation(operationId = "setPlanLedgerDueOn", summary = "设置工作台账报送期限")
    @Path("/{id}/ledger-due-on")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "200", description = "the plan with its 工作台账 due day (ETag: its new version)",
            content = @Content(schema = @Schema(implementation = PlanDto.class)))
    public Uni<Response> setLedgerDueOn(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LedgerDueOnRequest body) {
        return service.setLedgerDueOn(region, Ids.path(id, "工作方案"), ETags.requireVersion(ifMatch), body.ledgerDueOn())
                .map(p -> Response.ok(p).header(HttpHeaders.ETAG, ETags.of(p.version())).build());
    }

    @GET
    @Operation(operationId = "getPlan", summary = "一个工作方案")
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<PlanDto> get(@PathParam("region") String region, @PathParam("id") String id) {
        return plans.get(region, Ids.path(id, "工作方案"));
    }
}
