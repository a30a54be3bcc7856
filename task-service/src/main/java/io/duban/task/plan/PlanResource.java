package io.duban.task.plan;

import io.duban.common.security.Roles;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.task.common.Access;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import io.duban.common.web.ETags;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** 工作方案: the issued documents whose tables are imported. */
@Path("/api/v1/regions/{region}/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    Pool pool;

    @Inject
    PlanRepository plans;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "201", description = "the created plan (Location: its URL)",
            content = @Content(schema = @Schema(implementation = PlanDto.class)))
    public Uni<Response> create(@PathParam("region") String region, @Valid @NotNull CreatePlanRequest body) {
        PlanDto plan = new PlanDto(UUID.randomUUID(), region, body.title().strip(),
                body.docNumber() == null || body.docNumber().isBlank() ? null : body.docNumber().strip(),
                body.issuedOn(), body.year(), body.kind(), body.ledgerDueOn(), 1);
        return pool.withTransaction(tx -> plans.insert(tx, plan)
                        .call(saved -> ChangeLog.append(tx, saved.snapshot())))
                .map(saved -> Response.created(URI.create("/api/v1/regions/" + region + "/plans/" + saved.id()))
                        .entity(saved).build());
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<Page<PlanDto>> list(@PathParam("region") String region, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return plans.list(region, PageRequest.of(page, size));
    }

    /** PUT /plans/{id}/ledger-due-on body. */
    public record LedgerDueOnRequest(@NotNull(message = "ledgerDueOn 不能为空") java.time.LocalDate ledgerDueOn) {
    }

    @PUT
    @Path("/{id}/ledger-due-on")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @APIResponse(responseCode = "200", description = "the plan with its 工作台账 due day (ETag: its new version)",
            content = @Content(schema = @Schema(implementation = PlanDto.class)))
    public Uni<Response> setLedgerDueOn(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull LedgerDueOnRequest body) {
        long expected = ETags.requireVersion(ifMatch);
        UUID planId = Access.id(id, "工作方案");
        return pool.withTransaction(tx -> plans.setLedgerDueOn(tx, region, planId, expected, body.ledgerDueOn()).flatMap(saved -> {
            if (saved.isPresent()) {
                return ChangeLog.append(tx, saved.get().snapshot()).replaceWith(saved.get());
            }
            return plans.get(tx, region, planId).map(current -> {
                throw io.duban.common.problem.ProblemException.preconditionFailed(
                        "工作方案已被更新（当前版本 " + current.version() + "），请重新读取后再修改。");
            });
        })).map(p -> Response.ok(p).header(HttpHeaders.ETAG, ETags.of(p.version())).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    public Uni<PlanDto> get(@PathParam("region") String region, @PathParam("id") String id) {
        return plans.get(region, Access.id(id, "工作方案"));
    }
}
