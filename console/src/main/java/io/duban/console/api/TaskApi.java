package io.duban.console.api;

import io.duban.console.api.TaskModels.Assignment;
import io.duban.console.api.TaskModels.Dispute;
import io.duban.console.api.TaskModels.DisputeDecision;
import io.duban.console.api.TaskModels.NewDispute;
import io.duban.console.api.TaskModels.NewLedgerEntry;
import io.duban.console.api.TaskModels.NewReview;
import io.duban.console.api.TaskModels.PendingReview;
import io.duban.console.api.TaskModels.Review;
import io.duban.console.api.TaskModels.Designations;
import io.duban.console.api.TaskModels.ImportResult;
import io.duban.console.api.TaskModels.NewPlan;
import io.duban.console.api.TaskModels.NewReport;
import io.duban.console.api.TaskModels.Plan;
import io.duban.console.api.TaskModels.Report;
import io.duban.console.api.TaskModels.Task;
import io.duban.console.api.TaskModels.TaskCorrection;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** task-service: plans, table import, tasks, assignments, progress reports, 签收, 申诉, 办结审核, 工作台账. Wrapped by {@link TaskClient}. */
@RegisterRestClient(configKey = "task")
@Path("/api/v1/regions/{region}")
public interface TaskApi {

    String AUTH = "Authorization";

    @GET
    @Path("/plans")
    Uni<Paged<Plan>> plans(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                           @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/plans/{id}")
    Uni<Plan> plan(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @POST
    @Path("/plans")
    Uni<Plan> createPlan(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, NewPlan body);

    @POST
    @Path("/plans/{id}/import")
    Uni<ImportResult> importTable(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                  @PathParam("id") String id, @QueryParam("dryRun") boolean dryRun,
                                  @HeaderParam("Content-Type") String contentType, byte[] table);

    @GET
    @Path("/plans/{id}/tasks")
    Uni<Paged<Task>> tasks(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                           @PathParam("id") String planId, @QueryParam("after") String after,
                           @QueryParam("size") int size, @QueryParam("total") String total);

    @GET
    @Path("/tasks/{id}")
    Uni<Response> task(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @PUT
    @Path("/tasks/{id}")
    Uni<Response> correctTask(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                              @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, TaskCorrection body);

    @POST
    @Path("/tasks/{id}/designations")
    Uni<Response> designate(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Designations body);

    @GET
    @Path("/assignments")
    Uni<Paged<Assignment>> assignments(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                       @QueryParam("planId") String planId, @QueryParam("taskId") String taskId,
                                       @QueryParam("unitId") String unitId, @QueryParam("after") String after,
                                       @QueryParam("size") int size, @QueryParam("total") String total);

    @GET
    @Path("/assignments/{id}")
    Uni<Response> assignment(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                             @PathParam("id") String id);

    @GET
    @Path("/assignments/{id}/reports")
    Uni<Paged<Report>> reports(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                               @PathParam("id") String id, @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/assignments/{id}/reports")
    Uni<Response> report(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                         @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, NewReport body);

    @GET
    @Path("/assignments")
    Uni<Paged<Assignment>> assignmentsWithStatus(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                                 @QueryParam("status") String status, @QueryParam("page") int page,
                                                 @QueryParam("size") int size);

    @POST
    @Path("/assignments/{id}/acknowledgement")
    Uni<Response> acknowledge(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                              @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                              @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("/assignments/{id}/disputes")
    Uni<Response> raiseDispute(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                               @PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                               NewDispute body);

    @GET
    @Path("/disputes")
    Uni<List<Dispute>> disputes(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                @QueryParam("status") String status, @QueryParam("limit") Integer limit);

    @POST
    @Path("/disputes/{id}/decision")
    Uni<Response> decideDispute(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                DisputeDecision body);

    @GET
    @Path("/reviews/pending")
    Uni<List<PendingReview>> pendingReviews(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                            @QueryParam("limit") Integer limit);

    @GET
    @Path("/assignments/{id}/reviews")
    Uni<List<Review>> reviews(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                              @PathParam("id") String id);

    @POST
    @Path("/assignments/{id}/reviews")
    Uni<Response> review(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                         @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, NewReview body);

    /** Answers 404 while the assignment has no ledger entry yet: read as a raw answer. */
    @GET
    @Path("/assignments/{id}/ledger")
    Uni<Response> ledger(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                         @PathParam("id") String id);

    @PUT
    @Path("/assignments/{id}/ledger")
    Uni<Response> saveLedger(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                             @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, NewLedgerEntry body);

    @POST
    @Path("/units/{unitId}/ledgers/{planId}/submission")
    Uni<Response> submitLedger(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                               @PathParam("unitId") String unitId, @PathParam("planId") String planId,
                               @HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> body);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response r) {
        return ApiProblem.from(r);
    }
}
