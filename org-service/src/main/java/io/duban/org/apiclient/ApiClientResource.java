package io.duban.org.apiclient;

import io.duban.common.security.Roles;
import io.duban.common.web.Page;
import io.duban.org.apiclient.ApiClientDtos.ApiClientRequest;
import io.duban.org.apiclient.ApiClientDtos.ApiClientView;
import io.duban.org.apiclient.ApiClientDtos.ClientSecret;
import io.duban.common.web.Ids;
import io.duban.common.web.Locations;
import io.duban.common.web.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's API clients (departments' own systems), managed by its supervisor. */
@Path("/api/v1/regions/{region}/api-clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.SYSTEM})
@Tag(name = "api-clients", description = "接入应用：部门自有系统以 OAuth 2.0 客户端凭据方式接入")
public class ApiClientResource {

    @Inject
    ApiClientService service;

    @Inject
    JsonWebToken jwt;

    @GET
    @Operation(operationId = "listApiClients", summary = "List API clients", description = "Ordered by name, then id; secrets are never shown again.")
    public Uni<Page<ApiClientView>> list(@PathParam("region") String region,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return service.list(region, Paging.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiClient", summary = "Register an API client", description = "Role unit (bound to one unit) or viewer (read-only). The "
            + "answer carries clientSecret, shown this once.")
    @APIResponse(responseCode = "201", description = "the client with its secret", content = @Content(schema = @Schema(implementation = ApiClientView.class)))
    public Uni<Response> create(@PathParam("region") String region, ApiClientRequest body) {
        return service.create(region, body, jwt.getName()).map(c -> Locations.created("/api/v1/regions/" + region + "/api-clients/" + c.id())
                .header("Cache-Control", "no-store").entity(c).build());
    }

    @POST
    @Path("/{id}/secret")
    @APIResponse(responseCode = "200", description = "the new secret", content = @Content(schema = @Schema(implementation = ClientSecret.class)))
    @Operation(operationId = "rotateApiClientSecret", summary = "Rotate the client's secret", description = "The old secret stops working at once; tokens already issued live out their 30 minutes.")
    public Uni<Response> rotate(@PathParam("region") String region, @PathParam("id") String id) {
        return service.rotate(region, Ids.path(id, "接入应用"), jwt.getName())
                .map(s -> Response.ok(s).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/{id}/deactivation")
    @Operation(operationId = "deactivateApiClient", summary = "Deactivate an API client", description = "Idempotent.")
    @APIResponse(responseCode = "204", description = "deactivated")
    public Uni<Response> deactivate(@PathParam("region") String region, @PathParam("id") String id) {
        return service.deactivate(region, Ids.path(id, "接入应用"), jwt.getName()).map(x -> Response.noContent().build());
    }
}
