package io.duban.report.settings;

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

/** The region's 督办 settings: extensions allowed, the 整改 period, the 催办 count a 通报 names. */
@Path("/api/v1/regions/{region}/supervision-settings")
@Tag(name = "supervision", description = "督办：延期申请、整改销号、催办、红黄蓝灯、日历订阅")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    @Inject
    SettingsService settings;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getSupervisionSettings", summary = "督办设置（未保存时为默认值，ETag \"0\"）")
    @APIResponse(responseCode = "200", description = "督办设置",
            content = @Content(schema = @Schema(implementation = SupervisionSettings.class)))
    public Uni<Response> get(@PathParam("region") String region) {
        return settings.get(region).map(SettingsResource::ok);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "saveSupervisionSettings", summary = "保存督办设置（已保存时需 If-Match）")
    @APIResponse(responseCode = "200", description = "已保存的督办设置",
            content = @Content(schema = @Schema(implementation = SupervisionSettings.class)))
    public Uni<Response> put(@PathParam("region") String region, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @Valid @NotNull SupervisionSettings body) {
        return settings.put(region, body, ifMatch, caller.name()).map(SettingsResource::ok);
    }

    private static Response ok(SettingsService.Versioned v) {
        return Response.ok(v.settings()).header(HttpHeaders.ETAG, ETags.of(v.version())).build();
    }
}
