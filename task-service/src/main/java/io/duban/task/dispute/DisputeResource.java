package io.duban.task.dispute;

import io.duban.common.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.task.common.Access;
import io.duban.task.common.Json;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 申诉: raised by the unit on its own assignment, decided by the supervisor only. */
@Tag(name = "disputes", description = "申诉：单位认为不属于本单位职责")
@Path("/api/v1/regions/{region}")
@Produces(MediaType.APPLICATION_JSON)
public class DisputeResource {

    @Inject
    DisputeService service;

    @Inject
    DisputeRepository disputes;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "raiseDispute", summary = "提出申诉")
    @Path("/assignments/{id}/disputes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT, Roles.SUPERVISOR})
    @APIResponse(responseCode = "201", description = "the open dispute", content = @Content(schema = @Schema(implementation = DisputeDto.class)))
    @APIResponse(responseCode = "409", description = "the assignment already has an open dispute, or is withdrawn")
    public Uni<Response> raise(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam("Idempotency-Key") String key, @Valid @NotNull DisputeRequest body) {
        return service.raise(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null), key, body, caller.name())
                .map(stored -> {
                    DisputeDto d = Json.read(stored.body(), DisputeDto.class);
                    return Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body())
                            .location(URI.create("/api/v1/regions/" + region + "/disputes/" + d.id()))
                            .header(HttpHeaders.ETAG, ETags.of(d.version())).build();
                });
    }

    @POST
    @Operation(operationId = "decideDispute", summary = "处理申诉（成立或驳回）")
    @Path("/disputes/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "200", description = "the decided dispute and the assignments it changed",
            content = @Content(schema = @Schema(implementation = DisputeService.Decided.class)))
    @APIResponse(responseCode = "409", description = "the dispute was already decided")
    public Uni<Response> decide(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull DecisionRequest body) {
        return service.decide(region, Ids.path(id, "申诉"), ifMatch, body, caller.name(), authorization)
                .map(d -> Response.ok(d).header(HttpHeaders.ETAG, ETags.of(d.dispute().version())).build());
    }

    @GET
    @Operation(operationId = "listDisputes", summary = "申诉列表")
    @Path("/disputes")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<List<DisputeDto>> list(@PathParam("region") String region, @QueryParam("status") String status,
            @Parameter(description = "default 500, at most 2000", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2000")) @QueryParam("limit") String limit) {
        DisputeStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = DisputeStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "status 应为 OPEN、UPHELD 或 REJECTED");
            }
        }
        return disputes.list(region, s, Access.unitScope(caller).orElse(null), Math.max(1, Math.min(QueryParams.integer("limit", limit, 500), 2000)));
    }

    @GET
    @Operation(operationId = "getDispute", summary = "一条申诉")
    @Path("/disputes/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Response> one(@PathParam("region") String region, @PathParam("id") String id) {
        return disputes.get(region, Ids.path(id, "申诉"), Access.unitScope(caller).orElse(null))
                .map(d -> Response.ok(d).header(HttpHeaders.ETAG, ETags.of(d.version())).build());
    }
}
