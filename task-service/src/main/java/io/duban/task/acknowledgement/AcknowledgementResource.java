package io.duban.task.acknowledgement;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.task.common.Access;
import io.duban.task.common.Json;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 签收: the unit signs for an assignment it was given (待签收 → 未启动). */
@Tag(name = "acknowledgements", description = "签收：单位签收交办的责任分解")
@Path("/api/v1/regions/{region}/assignments/{id}/acknowledgement")
@Produces(MediaType.APPLICATION_JSON)
public class AcknowledgementResource {

    @Inject
    AcknowledgementService service;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "acknowledgeAssignment", summary = "签收责任分解")
    @RolesAllowed({Roles.UNIT, Roles.SUPERVISOR})
    @APIResponse(responseCode = "200", description = "signed for: the acknowledgement and the assignment (ETag: its new version)",
            content = @Content(schema = @Schema(implementation = AcknowledgementService.Acknowledged.class)))
    @APIResponse(responseCode = "409", description = "already signed for, or withdrawn")
    public Uni<Response> acknowledge(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam("Idempotency-Key") String key) {
        return service.acknowledge(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null), ifMatch, key, caller.name())
                .map(stored -> {
                    var body = Json.read(stored.body(), AcknowledgementService.Acknowledged.class);
                    return Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body())
                            .header(HttpHeaders.ETAG, ETags.of(body.assignment().version())).build();
                });
    }
}
