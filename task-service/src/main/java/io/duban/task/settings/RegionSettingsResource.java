package io.duban.task.settings;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A region's settings of the assignment's life (签收 window, 办结审核). They live in task-service because
 * 办结审核 changes what a report writes; report-service learns them from the feed (REGION_SETTINGS).
 */
@Tag(name = "settings", description = "本区域的签收时限与办结审核设置")
@Path("/api/v1/regions/{region}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class RegionSettingsResource {

    @Inject
    RegionSettingsRepository settings;

    @GET
    @Operation(operationId = "getRegionSettings", summary = "读取区域设置")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @APIResponse(responseCode = "200", description = "the settings (ETag: their version; \"0\" for the defaults)",
            content = @Content(schema = @Schema(implementation = RegionSettings.class)))
    public Uni<Response> get(@PathParam("region") String region) {
        return settings.get(region).map(s -> Response.ok(s).header(HttpHeaders.ETAG, ETags.of(s.version())).build());
    }

    @PUT
    @Operation(operationId = "putRegionSettings", summary = "保存区域设置")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "200", description = "the saved settings (ETag: their new version)",
            content = @Content(schema = @Schema(implementation = RegionSettings.class)))
    public Uni<Response> put(@PathParam("region") String region, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RegionSettingsRequest body) {
        long expected = ETags.requireVersion(ifMatch);
        RegionSettings next = new RegionSettings(region, body.ackWorkingDays(), body.completionReview(), expected + 1);
        return settings.save(next, expected).map(saved -> saved
                .map(s -> Response.ok(s).header(HttpHeaders.ETAG, ETags.of(s.version())).build())
                .orElseThrow(() -> ProblemException.preconditionFailed("设置已被他人修改，请重新读取后再保存。")));
    }
}
