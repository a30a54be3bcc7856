package io.duban.report.projection;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operating the projection. It spans all regions, so it lives outside {@code /regions/{region}}
 * and syncing or rebuilding it is an operator's action (system token only: a county's supervisor
 * must not truncate every county's projection); supervisors and viewers may look at its state.
 */
@Path("/api/v1/admin/projection")
@Tag(name = "projection", description = "投影：report-service 对 task-service 变更流的跟随（运维）")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    @Inject
    ProjectionFollower follower;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @Operation(operationId = "getProjectionState", summary = "投影状态：游标、已应用变更数、滞后与最近错误")
    public Uni<ProjectionState> state() {
        return follower.state();
    }

    @POST
    @Path("/sync")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "syncProjection", summary = "立即追赶任务服务的变更流（503：任务服务不可达）")
    public Uni<ProjectionFollower.SyncResult> sync() {
        return follower.catchUp(1000);
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.SYSTEM)
    @Operation(operationId = "rebuildProjection", summary = "清空投影并从头重放变更流，返回各地区重放后的数量（409：另一次重建正在进行）")
    public Uni<RebuildResult> rebuild() {
        return follower.rebuild();
    }
}
