package io.duban.task.proposal;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.Ids;
import io.duban.common.web.Locations;
import io.duban.common.web.Page;
import io.duban.common.web.Paging;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 建议提案办理: sessions, their proposals, the 主办 unit's reply, feedback, 评议, 协办意见 and the numbers. Every role of the
 * region reads (the class's roles; a unit sees only its own proposals, {@link ProposalAccess}); each write names its
 * roles on the method.
 */
@Path("/api/v1/regions/{region}")
@RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
@Tag(name = "proposals", description = "建议提案办理：人大代表建议、政协委员提案的交办、答复、反馈与统计")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalResource {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ProposalService service;

    @Inject
    Caller caller;

    private static String base(String region) {
        return "/api/v1/regions/" + region;
    }

    @POST
    @Path("/proposal-sessions")
    @Operation(operationId = "createProposalSession", summary = "新建建议提案办理会议（人大或政协的一次会议；支持 Idempotency-Key）")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "201", description = "the session (a plan of kind PROPOSALS) with its rules",
            content = @Content(schema = @Schema(implementation = SessionDto.class)))
    public Uni<Response> createSession(@PathParam("region") String region, @HeaderParam("Idempotency-Key") String key,
            @Valid @NotNull SessionRequest body) {
        return service.createSession(region, body, key).map(stored -> created(stored,
                base(region) + "/proposal-sessions/" + Json.read(stored.body(), SessionDto.class).planId()));
    }

    /** A stored (or replayed) creation as the response: its status, its JSON, where the created thing lives. */
    private static Response created(Idempotency.Stored stored, String location) {
        return Locations.at(Response.status(stored.status()).type(MediaType.APPLICATION_JSON).entity(stored.body()), location).build();
    }

    @GET
    @Path("/proposal-sessions")
    @Operation(operationId = "listProposalSessions", summary = "建议提案办理会议列表（新者在前）")
    @APIResponse(responseCode = "200", description = "a page of sessions")
    public Uni<Page<SessionDto>> sessions(@PathParam("region") String region,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return service.sessions(region, Paging.of(page, size));
    }

    @GET
    @Path("/proposal-sessions/{planId}")
    @Operation(operationId = "getProposalSession", summary = "一次会议的办理规则")
    @APIResponse(responseCode = "200", description = "the session", content = @Content(schema = @Schema(implementation = SessionDto.class)))
    public Uni<SessionDto> session(@PathParam("region") String region, @PathParam("planId") String planId) {
        return service.session(region, Ids.path(planId, "建议提案办理会议"));
    }

    @POST
    @Path("/proposal-sessions/{planId}/proposals")
    @Operation(operationId = "createProposal", summary = "逐件录入建议提案（支持 Idempotency-Key）")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "201", description = "the proposal with its due days",
            content = @Content(schema = @Schema(implementation = ProposalDto.class)))
    @APIResponse(responseCode = "409", description = "the number is taken in this session")
    @APIResponse(responseCode = "422", description = "a 主办 or 协办 unit that org-service does not know")
    public Uni<Response> create(@PathParam("region") String region, @PathParam("planId") String planId,
            @Valid @NotNull ProposalRequest body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Idempotency-Key") String key) {
        return service.create(region, Ids.path(planId, "建议提案办理会议"), body, authorization, key)
                .map(stored -> created(stored, base(region) + "/proposals/" + Json.read(stored.body(), ProposalDto.class).id()));
    }

    /** The answer of an import: how many proposals were created, and which. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalImportAnswer")
    public record ImportAnswer(int proposals, List<ProposalDto> items) {
    }

    @POST
    @Path("/proposal-sessions/{planId}/import")
    @Operation(operationId = "importProposals", summary = "导入交办清单（编号、案由、提案者、主办单位、协办单位）")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "200", description = "all proposals of the list, created in one transaction",
            content = @Content(schema = @Schema(implementation = ImportAnswer.class)))
    @APIResponse(responseCode = "409", description = "a number of the list is taken in this session; nothing imported")
    public Uni<ImportAnswer> importList(@PathParam("region") String region, @PathParam("planId") String planId,
            @QueryParam("assignedOn") String assignedOn, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return service.importList(region, Ids.path(planId, "建议提案办理会议"), body, contentType, day("assignedOn", assignedOn),
                authorization).map(items -> new ImportAnswer(items.size(), items));
    }

    @GET
    @Path("/proposal-sessions/{planId}/proposals")
    @Operation(operationId = "listProposals", summary = "一次会议的建议提案（按编号）；单位账号只见本单位主办或协办的")
    @APIResponse(responseCode = "200", description = "a page of proposals")
    public Uni<Page<ProposalDto>> list(@PathParam("region") String region, @PathParam("planId") String planId,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return service.list(region, Ids.path(planId, "建议提案办理会议"), caller, Paging.of(page, size));
    }

    @GET
    @Path("/proposal-sessions/{planId}/numbers")
    @Operation(operationId = "getProposalNumbers", summary = "办理情况统计：按主办单位和全会议")
    @APIResponse(responseCode = "200", description = "the numbers as of the day (default today)",
            content = @Content(schema = @Schema(implementation = ProposalNumbers.Numbers.class)))
    public Uni<ProposalNumbers.Numbers> numbers(@PathParam("region") String region, @PathParam("planId") String planId,
            @QueryParam("asOf") String asOf) {
        return service.numbers(region, Ids.path(planId, "建议提案办理会议"), day("asOf", asOf));
    }

    @GET
    @Path("/proposal-sessions/{planId}/numbers.xlsx")
    @Produces(XLSX)
    @Blocking
    @Operation(operationId = "exportProposalNumbers", summary = "办理情况统计表（XLSX）")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @APIResponse(responseCode = "200", description = "the 办理情况统计表 workbook")
    public Uni<Response> workbook(@PathParam("region") String region, @PathParam("planId") String planId,
            @QueryParam("asOf") String asOf) {
        return service.workbook(region, Ids.path(planId, "建议提案办理会议"), day("asOf", asOf))
                .map(bytes -> Response.ok(bytes, XLSX).header("Content-Disposition", "attachment; filename=\"proposal-numbers.xlsx\"").build());
    }

    @GET
    @Path("/proposals/{id}")
    @Operation(operationId = "getProposal", summary = "一件建议提案：单位、答复、反馈、评议、协办意见")
    @APIResponse(responseCode = "200", description = "the proposal (ETag: its version)",
            content = @Content(schema = @Schema(implementation = ProposalDetail.class)))
    public Uni<Response> get(@PathParam("region") String region, @PathParam("id") String id) {
        return service.detail(region, Ids.path(id, "建议提案"), caller)
                .map(d -> Response.ok(d).header(HttpHeaders.ETAG, io.duban.common.web.ETags.of(d.proposal().version())).build());
    }

    @POST
    @Path("/proposals/{id}/replies")
    @Operation(operationId = "replyToProposal", summary = "主办单位答复（支持 Idempotency-Key）")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT})
    @APIResponse(responseCode = "201", description = "the reply; the proposal awaits feedback",
            content = @Content(schema = @Schema(implementation = ReplyDto.class)))
    @APIResponse(responseCode = "409", description = "the round is already answered, or the proposal is closed")
    public Uni<Response> reply(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam("Idempotency-Key") String key, @Valid @NotNull ReplyRequest body) {
        return service.reply(region, Ids.path(id, "建议提案"), body, caller, key)
                .map(stored -> created(stored, base(region) + "/proposals/" + id));
    }

    @GET
    @Path("/proposals/{id}/reply-letter")
    @Produces(DOCX)
    @Operation(operationId = "downloadReplyLetter", summary = "答复函（DOCX）")
    @APIResponse(responseCode = "200", description = "the latest reply as a 答复函")
    public Uni<Response> letter(@PathParam("region") String region, @PathParam("id") String id) {
        return service.letter(region, Ids.path(id, "建议提案"), caller)
                .map(bytes -> Response.ok(bytes, DOCX).header("Content-Disposition", "attachment; filename=\"reply-letter.docx\"").build());
    }

    @POST
    @Path("/proposals/{id}/feedback")
    @Operation(operationId = "recordProposalFeedback", summary = "督办单位代录提案者反馈表（支持 Idempotency-Key）")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "201", description = "the feedback; 不满意 reopens the proposal (once unless allowed more)",
            content = @Content(schema = @Schema(implementation = FeedbackDto.class)))
    @APIResponse(responseCode = "409", description = "the round is not answered yet, or the proposal is closed")
    public Uni<Response> feedback(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam("Idempotency-Key") String key, @Valid @NotNull FeedbackRequest body) {
        return service.feedbackByOffice(region, Ids.path(id, "建议提案"), body, caller, key)
                .map(stored -> created(stored, base(region) + "/proposals/" + id));
    }

    @POST
    @Path("/proposals/{id}/feedback-links")
    @Operation(operationId = "createFeedbackLink", summary = "生成一次性反馈链接（提案者无需账号）")
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT})
    @APIResponse(responseCode = "201", description = "the token, shown once, and when it expires",
            content = @Content(schema = @Schema(implementation = FeedbackLinks.Issued.class)))
    @APIResponse(responseCode = "409", description = "the proposal does not await feedback")
    public Uni<Response> link(@PathParam("region") String region, @PathParam("id") String id) {
        return service.issueLink(region, Ids.path(id, "建议提案"), caller)
                .map(l -> Response.status(Response.Status.CREATED).entity(l).build());
    }

    @POST
    @Path("/proposals/{id}/evaluation")
    @Operation(operationId = "recordProposalEvaluation", summary = "承办单位填写提案质量评议表")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.UNIT})
    @APIResponse(responseCode = "201", description = "the evaluation (the latest one counts)",
            content = @Content(schema = @Schema(implementation = EvaluationDto.class)))
    public Uni<Response> evaluate(@PathParam("region") String region, @PathParam("id") String id, @Valid @NotNull EvaluationRequest body) {
        return service.evaluate(region, Ids.path(id, "建议提案"), body, caller)
                .map(e -> Locations.created(base(region) + "/proposals/" + id).entity(e).build());
    }

    /** POST /proposals/{id}/co-opinions body. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CoOpinionRequest")
    public record CoOpinionRequest(@NotBlank(message = "协办意见不能为空") @Size(max = 10000, message = "协办意见不超过 10000 字") String text) {
    }

    @POST
    @Path("/proposals/{id}/co-opinions")
    @Operation(operationId = "sendCoOpinion", summary = "协办单位向主办单位提交协办意见")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.UNIT)
    @APIResponse(responseCode = "201", description = "every 协办意见 of the proposal, with on time or not")
    public Uni<Response> coOpinion(@PathParam("region") String region, @PathParam("id") String id, @Valid @NotNull CoOpinionRequest body) {
        return service.coOpinion(region, Ids.path(id, "建议提案"), body.text(), caller)
                .map(all -> Response.status(Response.Status.CREATED).entity(all).build());
    }

    /** PUT /proposals/{id}/reopens-allowed body. */
    public record ReopensRequest(@NotNull(message = "reopensAllowed 不能为空") @Min(value = 0, message = "重新办理次数应为 0 到 5")
            @Max(value = 5, message = "重新办理次数应为 0 到 5") Integer reopensAllowed) {
    }

    @PUT
    @Path("/proposals/{id}/reopens-allowed")
    @Operation(operationId = "setProposalReopensAllowed", summary = "督办单位调整可重新办理的次数")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "200", description = "the proposal; a closed one whose last feedback was 不满意 reopens",
            content = @Content(schema = @Schema(implementation = ProposalDto.class)))
    public Uni<ProposalDto> reopens(@PathParam("region") String region, @PathParam("id") String id, @Valid @NotNull ReopensRequest body) {
        return service.allowReopens(region, Ids.path(id, "建议提案"), body.reopensAllowed(), caller);
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, field + " 应为日期（如 2023-03-15）。");
        }
    }
}
