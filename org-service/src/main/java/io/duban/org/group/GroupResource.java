package io.duban.org.group;

import io.duban.common.security.Roles;
import io.duban.org.group.GroupDtos.GroupList;
import io.duban.org.group.GroupDtos.GroupRequest;
import io.duban.org.group.GroupDtos.GroupView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Groups of units (各镇（街道）, 各部门, 各级各部门（单位） and the supervisor's own). */
@Path("/api/v1/regions/{region}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "groups", description = "单位分组：内置分组与自定义分组，及其成员")
public class GroupResource {

    @Inject
    GroupService service;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listGroups", summary = "List groups with their members",
            description = "Built-in groups first (builtin-towns, builtin-departments, builtin-all), then custom groups by name; "
                    + "members are the region's active units.")
    public Uni<GroupList> list(@PathParam("region") String region) {
        return service.list(region);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getGroup", summary = "Read one group with its members")
    public Uni<GroupView> get(@PathParam("region") String region, @PathParam("id") String id) {
        return service.get(region, id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "createGroup", summary = "Define a custom group", description = "A name, aliases, and either kinds or memberIds (unit ids). "
            + "409 when the name or an alias is already a unit's or a group's.")
    @APIResponse(responseCode = "201", description = "the created group with its members",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    public Uni<Response> create(@PathParam("region") String region,
                                @NotNull(message = "请求体不能为空") @Valid GroupRequest body, UriInfo uri) {
        return service.create(region, body).map(g -> Response.created(uri.getAbsolutePathBuilder().path(g.id()).build())
                .entity(g).build());
    }
}
