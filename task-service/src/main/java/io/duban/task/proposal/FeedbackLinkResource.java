package io.duban.task.proposal;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The proposer's side of a one-time link: no account and no token header — the link is the credential. Outside
 * {@code /regions/{region}} on purpose (the region guard wants a bearer token); the token names its region.
 */
@Path("/api/v1/proposal-feedback/{token}")
@Tag(name = "proposal-feedback", description = "提案者通过一次性链接填写反馈表（无需账号）")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class FeedbackLinkResource {

    @Inject
    ProposalService service;

    @GET
    @Operation(operationId = "getFeedbackForm", summary = "反馈表：提案与答复")
    @APIResponse(responseCode = "200", description = "the proposal and the reply to rate",
            content = @Content(schema = @Schema(implementation = FeedbackLinks.Form.class)))
    @APIResponse(responseCode = "404", description = "unknown, used or expired link")
    public Uni<FeedbackLinks.Form> form(@PathParam("token") String token) {
        return service.form(token);
    }

    @POST
    @Operation(operationId = "submitFeedbackByLink", summary = "提交反馈表（链接随即失效）")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "the feedback as recorded",
            content = @Content(schema = @Schema(implementation = FeedbackDto.class)))
    @APIResponse(responseCode = "404", description = "unknown, used or expired link")
    public Uni<Response> submit(@PathParam("token") String token, @Valid @NotNull FeedbackRequest body) {
        return service.feedbackByLink(token, body).map(f -> Response.status(Response.Status.CREATED).entity(f).build());
    }
}
