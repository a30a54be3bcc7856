package io.duban.org.auth;

import io.duban.common.audit.SecretBody;

import io.duban.org.credential.AuthEvents;
import io.duban.org.account.AccountDtos.AccountView;
import io.duban.org.apiclient.ApiClientService;
import io.duban.org.auth.AuthDtos.ClientToken;
import io.duban.org.auth.AuthDtos.LoginRequest;
import io.duban.org.auth.AuthDtos.LoginResponse;
import io.duban.org.auth.AuthDtos.PasswordChange;
import io.duban.org.auth.AuthDtos.RefreshRequest;
import io.duban.org.auth.AuthDtos.TotpConfirmation;
import io.duban.org.auth.AuthDtos.TotpEnrolment;
import io.duban.org.credential.AuthEvents.Kind;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-in, tokens and one's own account over HTTP; decisions in {@link SignInService}. */
@Path("/api/v1/auth")
@SecretBody
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "登录、令牌、本人密码与动态验证码")
public class AuthResource {

    @Inject
    SignInService signIn;

    @Inject
    ApiClientService clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    SigningKeys keys;

    @Inject
    AuthEvents events;

    @Inject
    JsonWebToken jwt;

    @Context
    HttpServerRequest request;

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signIn", summary = "Sign in with username and password (and TOTP code)", description = "401 bad-credentials (the same for "
            + "an unknown user), 401 totp-required (totpRequired: true), 423 account-locked (lockedUntil), 429 too-many-attempts "
            + "(Retry-After). Five consecutive failures lock the account for 15 minutes.")
    @APIResponse(responseCode = "200", description = "signed in", content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "bad credentials or TOTP code required")
    @APIResponse(responseCode = "423", description = "account locked")
    @APIResponse(responseCode = "429", description = "too many attempts from this address")
    public Uni<Response> login(LoginRequest body) {
        return signIn.login(body, address()).map(AuthResource::noStore);
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "refreshSession", summary = "Renew the session", description = "The refresh token is rotated: the one sent is revoked, a new one returned. "
            + "401 when it is unknown, revoked, expired, or the account is inactive.")
    @APIResponse(responseCode = "200", description = "renewed", content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "the refresh token is not usable")
    public Uni<Response> refresh(RefreshRequest body) {
        return signIn.refresh(body == null ? null : body.refreshToken(), address()).map(AuthResource::noStore);
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "signOut", summary = "Sign out", description = "Revokes the refresh token; 204 whether or not it was valid.")
    @APIResponse(responseCode = "204", description = "signed out")
    public Uni<Response> logout(RefreshRequest body) {
        return signIn.logout(body == null ? null : body.refreshToken(), address()).map(x -> Response.noContent().build());
    }

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "issueClientToken", summary = "OAuth 2.0 client credentials grant (RFC 6749 §4.4)", description = "grant_type=client_credentials with "
            + "client_id and client_secret in the form or as HTTP Basic. 401 {error: invalid_client}; 400 {error: "
            + "invalid_request | unsupported_grant_type}.")
    @APIResponse(responseCode = "200", description = "an access token", content = @Content(schema = @Schema(implementation = ClientToken.class)))
    @APIResponse(responseCode = "401", description = "{\"error\":\"invalid_client\"}")
    public Uni<Response> token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
                               @FormParam("client_secret") String clientSecret, @HeaderParam("Authorization") String authorization) {
        String id = clientId;
        String secret = clientSecret;
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic) {
            String[] pair = decodeBasic(authorization.substring(6).strip());
            if (pair == null || (id != null && !id.equals(pair[0]))) {
                return Uni.createFrom().item(oauthError(400, "invalid_request", false));
            }
            id = pair[0];
            secret = pair[1];
        }
        if (grantType == null || id == null || secret == null) {
            return Uni.createFrom().item(oauthError(400, "invalid_request", false));
        }
        if (!"client_credentials".equals(grantType)) {
            return Uni.createFrom().item(oauthError(400, "unsupported_grant_type", false));
        }
        String cid = id;
        String address = address();
        String csecret = secret;
        return signIn.checkRate(address, cid).chain(() -> clients.authenticate(cid, csecret)).chain(c -> {
            String region = cid.length() >= 6 && cid.substring(0, 6).matches("\\d{6}") ? cid.substring(0, 6) : null;
            if (c == null) {
                return events.record(region, Kind.CLIENT_TOKEN_FAILED, null, cid, address, null, null)
                        .map(x -> oauthError(401, "invalid_client", basic));
            }
            String token = issuer.sign(c.clientId, c.clientId, c.region, Set.of(c.role), c.unitId == null ? null : c.unitId.toString(), null);
            return events.record(c.region, Kind.CLIENT_TOKEN, null, c.clientId, address, null, null)
                    .map(x -> noStore(new ClientToken(token, "Bearer", issuer.ttlSeconds())));
        });
    }

    @GET
    @Path("/jwks")
    @PermitAll
    @Operation(operationId = "getSigningKeys", summary = "The public keys tokens are verified with (JWKS, RFC 7517)", description = "During a key rotation both keys.")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(operationId = "getSignedInAccount", summary = "The signed-in account")
    public Uni<AccountView> me() {
        return signIn.me(region(), jwt.getSubject());
    }

    @POST
    @Path("/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOwnPassword", summary = "Change one's own password", description = "400 errors[newPassword] when the new password breaks the rule "
            + "(at least 8 characters, three of upper, lower, digit, symbol), errors[currentPassword] when the current one is wrong.")
    @APIResponse(responseCode = "204", description = "changed")
    public Uni<Response> changePassword(PasswordChange body) {
        if (body == null) {
            throw io.duban.common.problem.ProblemException.invalidField("newPassword", io.duban.org.account.PasswordPolicy.RULE);
        }
        return signIn.changePassword(region(), jwt.getSubject(), body.currentPassword(), body.newPassword(), address())
                .map(x -> Response.noContent().build());
    }

    @POST
    @Path("/totp/enrolment")
    @Authenticated
    @Operation(operationId = "startTotpEnrolment", summary = "Start TOTP enrolment", description = "A new seed as Base32, otpauth URI and QR code (SVG), shown this once. "
            + "409 when TOTP is already on.")
    public Uni<Response> enrolTotp() {
        return signIn.enrolTotp(region(), jwt.getSubject(), address()).map(AuthResource::noStore);
    }

    @POST
    @Path("/totp/confirmation")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "confirmTotpEnrolment", summary = "Confirm TOTP enrolment with a code", description = "400 errors[code] when the code is wrong.")
    @APIResponse(responseCode = "204", description = "TOTP is on")
    public Uni<Response> confirmTotp(TotpConfirmation body) {
        return signIn.confirmTotp(region(), jwt.getSubject(), body == null ? null : body.code(), address())
                .map(x -> Response.noContent().build());
    }

    private String region() {
        Object r = jwt.getClaim("region");
        return r == null ? "" : r instanceof jakarta.json.JsonString js ? js.getString() : r.toString();
    }

    /** The client's address (X-Forwarded-For only from a trusted proxy: quarkus.http.proxy.*). */
    private String address() {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static Response noStore(Object entity) {
        return Response.ok(entity).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    private static Response oauthError(int status, String error, boolean basic) {
        Response.ResponseBuilder r = Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error))
                .header("Cache-Control", "no-store");
        if (status == 401) {
            r.header("WWW-Authenticate", "Basic realm=\"duban\"");
        }
        return r.build();
    }

    private static String[] decodeBasic(String b64) {
        try {
            String s = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
            int colon = s.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            // RFC 6749 §2.3.1: both parts are form-url-encoded before Basic encoding
            return new String[] {java.net.URLDecoder.decode(s.substring(0, colon), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(s.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
