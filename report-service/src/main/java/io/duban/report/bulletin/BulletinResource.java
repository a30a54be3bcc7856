package io.duban.report.bulletin;

import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.common.web.Ids;
import io.duban.common.web.Locations;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.web.Paging;
import io.duban.common.web.QueryParams;
import io.duban.report.document.DocxWriter;
import io.duban.report.document.Downloads;
import io.duban.report.document.HtmlWriter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Quarterly 通报. Only a supervisor creates, edits and publishes; viewers and the system read all;
 * a unit token reads published ones. {@code GET /{id}} answers JSON, a Word 公文 or a printable page.
 */
@Path("/api/v1/regions/{region}/bulletins")
@Tag(name = "bulletins", description = "季度通报：草稿、发布、Word/HTML")
public class BulletinResource {

    static final MediaType DOCX = MediaType.valueOf(Downloads.DOCX);
    static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON_TYPE, DOCX, MediaType.TEXT_HTML_TYPE);

    @Inject
    BulletinService bulletins;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "draftBulletin", summary = "生成季度通报草稿（内容在生成时计算并固定）")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Bulletin.class)))
    public Uni<Response> create(@PathParam("region") String region, @Valid @NotNull(message = "缺少请求体") NewBulletin body) {
        return bulletins.create(region, body, caller.name()).map(b -> Locations
                .created("/api/v1/regions/" + region + "/bulletins/" + b.id()).entity(b)
                .header(HttpHeaders.ETAG, ETags.of(b.version())).build());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listBulletins", summary = "通报列表（新者在前；单位账号只见已发布的）")
    public Uni<Page<Bulletin.Summary>> list(@PathParam("region") String region,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("year") String year,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return bulletins.list(region, QueryParams.integer("year", year), caller.isUnitScoped(), Paging.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Downloads.DOCX, MediaType.TEXT_HTML})
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getBulletin", summary = "一期通报：JSON（默认）、Word 公文（Accept: …wordprocessingml.document）或可打印的 HTML（Accept: text/html）")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bulletin.class)),
            @Content(mediaType = Downloads.DOCX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id, @Context HttpHeaders headers) {
        MediaType type = Downloads.choose(headers, OFFERED);
        return bulletins.get(region, Ids.path(id, "通报"), caller.isUnitScoped()).chain(b -> {
            if (type.equals(MediaType.APPLICATION_JSON_TYPE)) {
                return Uni.createFrom().item(Response.ok(b).type(MediaType.APPLICATION_JSON_TYPE)
                        .header(HttpHeaders.ETAG, ETags.of(b.version())).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build());
            }
            String name = b.content().title();
            String ascii = "bulletin-" + b.year() + "-Q" + b.quarter();
            // POI is CPU-bound: render on a worker, never on the event loop.
            return Uni.createFrom().item(() -> type.equals(DOCX)
                            ? Downloads.file(DocxWriter.write(BulletinDocument.of(b)), Downloads.DOCX, ascii + ".docx", name + ".docx", false)
                            : Downloads.file(HtmlWriter.write(BulletinDocument.of(b)), MediaType.TEXT_HTML, ascii + ".html", name + ".html", true))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "editBulletinNextSteps", summary = "修改草稿的“下一步工作要求”（需 If-Match；已发布 409）")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Bulletin.class)))
    public Uni<Response> edit(@PathParam("region") String region, @PathParam("id") String id,
                              @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull(message = "缺少请求体") NextSteps body) {
        return bulletins.editNextSteps(region, Ids.path(id, "通报"), ifMatch, body, caller.name())
                .map(b -> Response.ok(b).header(HttpHeaders.ETAG, ETags.of(b.version())).build());
    }

    @POST
    @Path("/{id}/publish")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "publishBulletin", summary = "发布通报：此后内容不再改变；再次发布 409")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Bulletin.class)))
    public Uni<Response> publish(@PathParam("region") String region, @PathParam("id") String id) {
        return bulletins.publish(region, Ids.path(id, "通报"), caller.name())
                .map(b -> Response.ok(b).header(HttpHeaders.ETAG, ETags.of(b.version())).build());
    }
}
