package io.duban.task.review;

import io.duban.common.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import io.duban.common.web.Ids;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.common.Access;
import io.duban.task.common.Json;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 办结审核: the supervisor accepts or returns a unit's completion; the unit reads the decisions (退回原因). */
@Tag(name = "reviews", description = "办结审核：通过或退回单位报送的办结")
@Path("/api/v1/regions/{region}")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @Inject
    ReviewService service;

    @Inject
    ReviewRepository reviews;

    @Inject
    AssignmentRepository assignments;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "reviewCompletion", summary = "审核办结（通过或退回）")
    @Path("/assignments/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "201", description = "the decision and the assignment (ETag: its new version)",
            content = @Content(schema = @Schema(implementation = ReviewService.Reviewed.class)))
    @APIResponse(responseCode = "409", description = "the assignment is not waiting for review")
    public Uni<Response> review(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull ReviewRequest body) {
        return service.review(region, Ids.path(id, "责任分解"), ifMatch, key, body, caller.name()).map(stored -> {
            var reviewed = Json.read(stored.body(), ReviewService.Reviewed.class);
            return Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body())
                    .header(HttpHeaders.ETAG, ETags.of(reviewed.assignment().version())).build();
        });
    }

    @GET
    @Operation(operationId = "listReviews", summary = "一个责任分解的审核记录")
    @Path("/assignments/{id}/reviews")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<List<ReviewDto>> history(@PathParam("region") String region, @PathParam("id") String id) {
        var assignmentId = Ids.path(id, "责任分解");
        return assignments.get(region, assignmentId, Access.unitScope(caller).orElse(null))
                .flatMap(a -> reviews.history(region, assignmentId));
    }

    @GET
    @Operation(operationId = "listPendingReviews", summary = "待审核的办结")
    @Path("/reviews/pending")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    public Uni<List<PendingReview>> pending(@PathParam("region") String region,
            @Parameter(description = "default 500, at most 2000", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2000")) @QueryParam("limit") String limit) {
        return reviews.pending(region, Math.max(1, Math.min(QueryParams.integer("limit", limit, 500), 2000)));
    }
}
