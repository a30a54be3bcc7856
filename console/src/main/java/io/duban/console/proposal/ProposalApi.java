package io.duban.console.proposal;

import io.duban.console.api.ApiProblem;
import io.duban.console.api.Paged;
import io.duban.console.proposal.ProposalModels.Detail;
import io.duban.console.proposal.ProposalModels.Link;
import io.duban.console.proposal.ProposalModels.NewFeedback;
import io.duban.console.proposal.ProposalModels.NewReply;
import io.duban.console.proposal.ProposalModels.Numbers;
import io.duban.console.proposal.ProposalModels.Proposal;
import io.duban.console.proposal.ProposalModels.Session;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** task-service's 建议提案办理 endpoints. Wrapped by {@link ProposalClient}. */
@RegisterRestClient(configKey = "task")
@Path("/api/v1/regions/{region}")
public interface ProposalApi {

    String AUTH = "Authorization";

    @GET
    @Path("/proposal-sessions")
    Uni<Paged<Session>> sessions(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @QueryParam("page") int page,
                                 @QueryParam("size") int size);

    @GET
    @Path("/proposal-sessions/{planId}")
    Uni<Session> session(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("planId") String planId);

    @GET
    @Path("/proposal-sessions/{planId}/proposals")
    Uni<Paged<Proposal>> proposals(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                   @PathParam("planId") String planId, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/proposal-sessions/{planId}/numbers")
    Uni<Numbers> numbers(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("planId") String planId,
                         @QueryParam("asOf") String asOf);

    @GET
    @Path("/proposal-sessions/{planId}/numbers.xlsx")
    @Produces(MediaType.WILDCARD)
    Uni<byte[]> workbook(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("planId") String planId,
                         @QueryParam("asOf") String asOf);

    @GET
    @Path("/proposals/{id}")
    Uni<Detail> proposal(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @GET
    @Path("/proposals/{id}/reply-letter")
    @Produces(MediaType.WILDCARD)
    Uni<byte[]> letter(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @POST
    @Path("/proposals/{id}/replies")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<jakarta.ws.rs.core.Response> reply(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id,
                                           NewReply reply);

    @POST
    @Path("/proposals/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<jakarta.ws.rs.core.Response> feedback(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                              @PathParam("id") String id, NewFeedback feedback);

    @POST
    @Path("/proposals/{id}/feedback-links")
    Uni<Link> link(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    /** A problem answer (another unit's proposal: 404; a refused reply: 400/409/422) as an {@link ApiProblem}, as the other clients do. */
    @ClientExceptionMapper
    static RuntimeException toProblem(jakarta.ws.rs.core.Response r) {
        return ApiProblem.from(r);
    }
}
