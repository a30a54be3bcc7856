package io.duban.task.task;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import io.duban.common.security.Caller;
import io.duban.task.common.Access;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.ListRequest;
import io.duban.task.plan.PlanRepository;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** Task rows of a plan, and the supervisor's corrections. */
@Path("/api/v1/regions/{region}")
@Tag(name = "tasks", description = "任务分解表的行：工作要求、责任单位、时限，及其更正")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskRepository tasks;

    @Inject
    PlanRepository plans;

    @Inject
    TaskService service;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "listPlanTasks", summary = "一个工作方案的任务（按序号）",
            description = "按页码（page=，默认带 total）或按游标（after= 上一页的 next，只在 total=true 时计数）翻页；每页带 next。")
    @Path("/plans/{planId}/tasks")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Page<TaskDto>> list(@PathParam("region") String region, @PathParam("planId") String planId,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size,
            @QueryParam("after") String after, @QueryParam("total") String total) {
        UUID plan = Ids.path(planId, "工作方案");
        ListRequest request = ListRequest.of(page, size, after, total, TaskRepository.listScope(region, plan), TaskRepository.SORT_KEY);
        return plans.get(region, plan).flatMap(p -> tasks.listForPlan(region, plan, request))
                .map(p -> p.map(t -> TaskDto.from(t, null)));
    }

    @GET
    @Operation(operationId = "getTask", summary = "一条任务及其责任分解（带 ETag）")
    @APIResponse(responseCode = "200", description = "the task with its assignments; ETag: its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskDto.class)))
    @Path("/tasks/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        // a unit reads the task's text but only its own assignment, not which other units hold one and how far they are
        Optional<UUID> unit = Access.unitScope(caller);
        return service.get(region, Ids.path(id, "任务"))
                .map(t -> unit.map(t::withAssignmentsOf).orElse(t))
                .map(TaskResource::withETag);
    }

    @PUT
    @Operation(operationId = "correctTask", summary = "更正任务：工作要求、责任单位或时限（需 If-Match；责任单位变化时重新分解）")
    @APIResponse(responseCode = "200", description = "the corrected task; ETag: its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskDto.class)))
    @Path("/tasks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<Response> correct(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull UpdateTaskRequest body) {
        return service.correct(region, Ids.path(id, "任务"), ifMatch, body, authorization).map(TaskResource::withETag);
    }

    @POST
    @Operation(operationId = "designateUnits", summary = "为“相关部门”等待明确的责任单位指定单位（需 If-Match）")
    @APIResponse(responseCode = "200", description = "the task with the designated units; ETag: its new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = TaskDto.class)))
    @Path("/tasks/{id}/designations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    public Uni<Response> designate(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull DesignationRequest body) {
        return service.designate(region, Ids.path(id, "任务"), ifMatch, body, authorization).map(TaskResource::withETag);
    }

    private static Response withETag(TaskDto t) {
        return Response.ok(t).header(HttpHeaders.ETAG, ETags.of(t.version())).build();
    }
}
