package io.duban.org.account;

import io.duban.common.audit.SecretBody;

import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.org.account.AccountDtos.AccountRequest;
import io.duban.org.account.AccountDtos.AccountView;
import io.duban.org.account.AccountDtos.CreatedAccount;
import io.duban.org.account.AccountDtos.PasswordResetRequest;
import io.duban.org.account.AccountDtos.PasswordResetResult;
import io.duban.org.account.AccountDtos.SecurityPolicyView;
import io.duban.common.web.Ids;
import io.duban.common.web.Locations;
import io.duban.common.web.Paging;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A region's accounts, managed by its supervisor (or a system token): thin; decisions in {@link AccountService}. */
@Path("/api/v1/regions/{region}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISOR, Roles.SYSTEM})
@Tag(name = "accounts", description = "账号（督办中心、单位联络员、领导）与安全策略")
public class AccountResource {

    @Inject
    AccountService service;

    @Inject
    JsonWebToken jwt;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @GET
    @Path("/accounts")
    @Operation(operationId = "listAccounts", summary = "List the region's accounts", description = "Ordered by username, then id.")
    public Uni<Page<AccountView>> list(@PathParam("region") String region,
            @Parameter(description = "1-based, default 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("page") String page,
            @Parameter(description = "default 50, at most 500", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500")) @QueryParam("size") String size) {
        return service.list(region, Paging.of(page, size));
    }

    @GET
    @Path("/accounts/{id}")
    @Operation(operationId = "getAccount", summary = "Read one account")
    public Uni<AccountView> get(@PathParam("region") String region, @PathParam("id") String id) {
        return service.get(region, Ids.path(id, "账号"));
    }

    @POST
    @Path("/accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createAccount", summary = "Create an account", description = "Without password a random one is generated and returned once as "
            + "initialPassword. 409 when the username is taken in any region (case-insensitive).")
    @APIResponse(responseCode = "201", description = "the account", content = @Content(schema = @Schema(implementation = CreatedAccount.class)))
    @APIResponse(responseCode = "409", description = "username taken")
    @SecretBody
    public Uni<Response> create(@PathParam("region") String region, AccountRequest body) {
        return service.create(region, body, jwt.getName()).map(a -> Locations.created("/api/v1/regions/" + region + "/accounts/" + a.id())
                .header("Cache-Control", "no-store").entity(a).build());
    }

    @POST
    @Path("/accounts/{id}/deactivation")
    @Operation(operationId = "deactivateAccount", summary = "Deactivate an account", description = "Idempotent; revokes its refresh tokens. 409 for one's own account.")
    @APIResponse(responseCode = "204", description = "deactivated")
    public Uni<Response> deactivate(@PathParam("region") String region, @PathParam("id") String id) {
        return service.deactivate(region, Ids.path(id, "账号"), jwt.getSubject(), jwt.getName()).map(x -> Response.noContent().build());
    }

    @POST
    @Path("/accounts/{id}/password-reset")
    @APIResponse(responseCode = "200", description = "the temporary password when generated",
            content = @Content(schema = @Schema(implementation = PasswordResetResult.class)))
    @Operation(operationId = "resetAccountPassword", summary = "Reset an account's password", description = "Without a body a temporary password is generated, returned "
            + "once, and must be changed at the next sign-in. Revokes the account's refresh tokens and clears a lock.")
    @Consumes(MediaType.WILDCARD)
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PasswordResetRequest.class)))
    @SecretBody
    public Uni<Response> resetPassword(@PathParam("region") String region, @PathParam("id") String id, byte[] body) {
        // the body is optional: a bare POST (no Content-Type) generates a temporary password
        PasswordResetRequest req = null;
        if (body != null && body.length > 0) {
            try {
                req = json.readValue(body, PasswordResetRequest.class);
            } catch (java.io.IOException e) {
                throw io.duban.common.problem.ProblemException.invalidField("body", "请求体应为 JSON：{\"password\"?, \"mustChangePassword\"?}");
            }
        }
        return service.resetPassword(region, Ids.path(id, "账号"), req, jwt.getName())
                .map(r -> Response.ok(r).header("Cache-Control", "no-store").build());
    }

    @POST
    @Path("/accounts/{id}/totp-reset")
    @Operation(operationId = "resetAccountTotp", summary = "Turn an account's TOTP off", description = "For a lost phone: the person enrols again.")
    @APIResponse(responseCode = "204", description = "TOTP off")
    public Uni<Response> resetTotp(@PathParam("region") String region, @PathParam("id") String id) {
        return service.resetTotp(region, Ids.path(id, "账号")).map(x -> Response.noContent().build());
    }

    @GET
    @Path("/security-policy")
    @APIResponse(responseCode = "200", description = "the policy", content = @Content(schema = @Schema(implementation = SecurityPolicyView.class)))
    @Operation(operationId = "getSecurityPolicy", summary = "Read the region's security policy", description = "ETag carries the version for If-Match.")
    public Uni<Response> policy(@PathParam("region") String region) {
        return service.policy(region).map(p -> Response.ok(new SecurityPolicyView(p.supervisorTotpRequired))
                .header("ETag", ETags.of(p.version)).build());
    }

    @PUT
    @Path("/security-policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the policy", content = @Content(schema = @Schema(implementation = SecurityPolicyView.class)))
    @Operation(operationId = "replaceSecurityPolicy", summary = "Replace the region's security policy", description = "Needs If-Match: 428 without it, 412 when stale.")
    public Uni<Response> replacePolicy(@PathParam("region") String region, @HeaderParam("If-Match") String ifMatch,
                                       SecurityPolicyView body) {
        if (body == null) {
            throw io.duban.common.problem.ProblemException.invalidField("body", "请求体不能为空");
        }
        return service.replacePolicy(region, ifMatch, body.supervisorTotpRequired())
                .map(p -> Response.ok(new SecurityPolicyView(p.supervisorTotpRequired)).header("ETag", ETags.of(p.version)).build());
    }
}
