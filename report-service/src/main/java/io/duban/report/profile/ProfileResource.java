package io.duban.report.profile;

import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The region's names used in 通报 and 考核 documents. */
@Path("/api/v1/regions/{region}/profile")
@Tag(name = "profile", description = "区域资料：名称、发文机关、通报编制单位")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    ProfileService profiles;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @Operation(operationId = "getProfile", summary = "区域名称、发文机关与通报编制单位")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionProfile.class)))
    public Uni<Response> get(@PathParam("region") String region) {
        return profiles.get(region).map(ProfileResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "saveProfile", summary = "设置区域名称、发文机关与通报编制单位（已设置时需 If-Match）")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegionProfile.class)))
    public Uni<Response> put(@PathParam("region") String region, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull(message = "缺少请求体") RegionProfile body) {
        return profiles.put(region, body, ifMatch, caller.name()).map(ProfileResource::ok);
    }

    private static Response ok(ProfileService.Versioned v) {
        return Response.ok(v.profile())
                .header(HttpHeaders.ETAG, ETags.of(v.version())).build();
    }
}
