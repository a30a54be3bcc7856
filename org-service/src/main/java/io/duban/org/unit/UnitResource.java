package io.duban.org.unit;

import io.duban.org.directory.UnitKind;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Roles;
import io.duban.common.text.TextEncoding;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.web.Ids;
import io.duban.common.web.Paging;
import io.duban.org.unit.UnitDtos.ImportResult;
import io.duban.org.unit.UnitDtos.UnitRequest;
import io.duban.org.unit.UnitDtos.UnitView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The unit registry over HTTP: thin; every decision is in {@link UnitService}. */
@Path("/api/v1/regions/{region}/units")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "units", description = "单位（部门、镇街、开发区…）及其别名、联络员")
public class UnitResource {

    public static final String TSV = "text/tab-separated-values";
    public static final int MAX_IMPORT_BYTES = 5 * 1024 * 1024;
    private static final String WRITERS = Roles.SUPERVISOR;

    @Inject
    UnitService service;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "listUnits", summary = "List units", description = "Ordered by name (code point order), then id. "
            + "kind filters by kind, q matches a substring of the name or an alias, active filters by the active flag.")
    public Uni<Page<UnitView>> list(
            @PathParam("region") String region,
            @Parameter(description = "DEPARTMENT, TOWN, SUBDISTRICT, ZONE, PARTY, BRANCH or ENTERPRISE",
                    schema = @Schema(implementation = UnitKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "substring of the name or an alias, at most 100 characters") @QueryParam("q") String q,
            @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active") String active,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            @QueryParam("size") String size) {
        PageRequest request = Paging.of(page, size);
        UnitKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = UnitKind.parse(kind);
            if (k == null) {
                throw ProblemException.invalidField("kind", "未知的单位类别：" + UnitTable.abbreviate(kind));
            }
        }
        if (q != null && q.length() > UnitTable.MAX_NAME) {
            throw ProblemException.invalidField("q", "检索词最多 " + UnitTable.MAX_NAME + " 个字");
        }
        return service.list(region, k, q, parseBoolean(active), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getUnit", summary = "Read one unit", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "the unit; ETag: its version for If-Match",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitView.class)))
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        UUID uuid = Ids.path(id, "单位");
        return service.get(region, uuid).map(u -> Response.ok(u).header("ETag", ETags.of(u.version())).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(WRITERS)
    @Operation(operationId = "createUnit", summary = "Create a unit", description = "201 with Location and ETag; 409 when the name or an alias is taken.")
    @APIResponse(responseCode = "201", description = "the created unit",
            content = @Content(schema = @Schema(implementation = UnitDtos.UnitView.class)))
    public Uni<Response> create(@PathParam("region") String region, @NotNull(message = "请求体不能为空") @Valid UnitRequest body,
                                UriInfo uri) {
        return service.create(region, body).map(u -> Response
                .created(uri.getAbsolutePathBuilder().path(u.id()).build())
                .header("ETag", ETags.of(u.version())).entity(u).build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(WRITERS)
    @Operation(operationId = "replaceUnit", summary = "Replace a unit", description = "Needs If-Match with the ETag read before: 428 without it, 412 when stale.")
    @APIResponse(responseCode = "200", description = "the unit as replaced; ETag: its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UnitView.class)))
    public Uni<Response> replace(@PathParam("region") String region, @PathParam("id") String id,
                                 @HeaderParam("If-Match") String ifMatch,
                                 @NotNull(message = "请求体不能为空") @Valid UnitRequest body) {
        UUID uuid = Ids.path(id, "单位");
        return service.replace(region, uuid, ifMatch, body).map(u -> Response.ok(u).header("ETag", ETags.of(u.version())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(WRITERS)
    @Operation(operationId = "deactivateUnit", summary = "Deactivate a unit", description = "Never erases (assignments keep pointing at it); idempotent, 204.")
    @APIResponse(responseCode = "204", description = "deactivated")
    public Uni<Response> deactivate(@PathParam("region") String region, @PathParam("id") String id) {
        UUID uuid = Ids.path(id, "单位");
        return service.deactivate(region, uuid).map(u -> Response.noContent().build());
    }

    @POST
    @Path("/import")
    @Consumes({TSV, MediaType.TEXT_PLAIN})
    @RolesAllowed(WRITERS)
    @Operation(operationId = "importUnits", summary = "Import units from TSV", description = "Header name<TAB>kind<TAB>aliases<TAB>parent; aliases '|'-separated; "
            + "parent by name or blank. Upsert by name, all or nothing, idempotent. Errors name the line "
            + "(errors[].field = \"line 7\", and member line). Body at most 5 MB (413).")
    public Uni<ImportResult> importUnits(@PathParam("region") String region, byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalidField("line 1", "导入文件为空：第 1 行应为表头 name<TAB>kind<TAB>aliases<TAB>parent").with("line", 1);
        }
        if (body.length > MAX_IMPORT_BYTES) {
            throw ProblemException.payloadTooLarge("导入文件超过 5 MB，未导入任何单位。").with("maxBytes", MAX_IMPORT_BYTES);
        }
        UnitTable.Parsed parsed = UnitTable.parse(TextEncoding.decode(body));
        if (!parsed.errors().isEmpty()) {
            throw UnitService.importRejected(parsed.errors());
        }
        return service.importTable(region, parsed.rows());
    }

    private static Boolean parseBoolean(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return switch (s) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField("active", "active 应为 true 或 false");
        };
    }
}
