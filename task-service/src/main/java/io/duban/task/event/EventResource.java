package io.duban.task.event;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.duban.common.web.Locations;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.web.Paging;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 触发事件 of one assignment. */
@Path("/api/v1/regions/{region}/assignments/{id}/events")
@Tag(name = "events", description = "触发事件：开启相对时限的事实（只增不改）")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    @Inject
    EventService events;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "recordEvent", summary = "登记触发事件（只增不改；支持 Idempotency-Key）")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT})
    @APIResponse(responseCode = "201", description = "the recorded event",
            content = @Content(schema = @Schema(implementation = EventDto.class)))
    public Uni<Response> record(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam("Idempotency-Key") String key, @Valid @NotNull EventRequest body) {
        return events.record(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null), key, body, caller.name())
                .map(stored -> {
                    EventDto e = Json.read(stored.body(), EventDto.class);
                    return Locations.at(Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body()),
                            "/api/v1/regions/" + region + "/assignments/" + id + "/events/" + e.id()).build();
                });
    }

    @GET
    @Operation(operationId = "listEvents", summary = "一条责任分解的触发事件")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Page<EventDto>> list(@PathParam("region") String region, @PathParam("id") String id,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return events.list(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null), Paging.of(page, size));
    }

    @GET
    @Operation(operationId = "getEvent", summary = "一条触发事件")
    @Path("/{eventId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<EventDto> one(@PathParam("region") String region, @PathParam("id") String id,
            @PathParam("eventId") String eventId) {
        return events.one(region, Ids.path(id, "责任分解"), Ids.path(eventId, "触发事件"), Access.unitScope(caller).orElse(null));
    }
}
