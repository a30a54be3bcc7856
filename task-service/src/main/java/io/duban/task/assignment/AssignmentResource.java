package io.duban.task.assignment;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.ListRequest;
import io.duban.task.common.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** 责任分解: a unit token sees only its own unit's; another unit's is a 404, never data. */
@Path("/api/v1/regions/{region}/assignments")
@Tag(name = "assignments", description = "责任分解：单位看到并更新的 任务 × 单位 × 角色")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    @Inject
    AssignmentRepository assignments;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listAssignments", summary = "责任分解列表（单位账号只见本单位的；可按单位、方案、任务、状态、角色筛选）",
            description = "按页码（page=，默认带 total）或按游标（after= 上一页的 next，只在 total=true 时计数）翻页；每页带 next。")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Page<AssignmentDto>> list(@PathParam("region") String region, @QueryParam("unitId") String unitId,
            @QueryParam("planId") String planId, @QueryParam("taskId") String taskId, @QueryParam("status") String status,
            @QueryParam("role") String role, @QueryParam("includeInactive") boolean includeInactive,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size,
            @QueryParam("after") String after, @QueryParam("total") String total) {
        UUID unit = Ids.optional("unitId", unitId);
        Optional<UUID> scope = Access.unitScope(caller);
        if (scope.isPresent()) {
            if (unit != null && !unit.equals(scope.get())) {
                throw ProblemException.forbidden("单位账号只能查看本单位的责任分解。");
            }
            unit = scope.get();
        }
        var filter = new AssignmentRepository.Filter(unit, Ids.optional("planId", planId), Ids.optional("taskId", taskId),
                parse(AssignmentStatus.class, status, "status"), parse(Role.class, role, "role"), includeInactive);
        ListRequest request = ListRequest.of(page, size, after, total, filter.scope(region), AssignmentRepository.SORT_KEY);
        return assignments.list(region, filter, request);
    }

    @GET
    @Operation(operationId = "getAssignment", summary = "一条责任分解（带 ETag，报告进展时作 If-Match）")
    @APIResponse(responseCode = "200", description = "the assignment; ETag: its version, the If-Match of a progress report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssignmentDto.class)))
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        return assignments.get(region, Ids.path(id, "责任分解"), Access.unitScope(caller).orElse(null))
                .map(a -> Response.ok(a).header(HttpHeaders.ETAG, ETags.of(a.version())).build());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, field + " 取值不正确：" + (raw.length() > 30 ? raw.substring(0, 30) : raw));
        }
    }
}
