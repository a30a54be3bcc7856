package io.duban.console.api;

import io.duban.console.api.OrgModels.Account;
import io.duban.console.api.OrgModels.ApiClient;
import io.duban.console.api.OrgModels.ClientSecret;
import io.duban.console.api.OrgModels.LoginRequest;
import io.duban.console.api.OrgModels.LoginResult;
import io.duban.console.api.OrgModels.NewAccount;
import io.duban.console.api.OrgModels.NewApiClient;
import io.duban.console.api.OrgModels.PasswordChange;
import io.duban.console.api.OrgModels.RefreshRequest;
import io.duban.console.api.OrgModels.TemporaryPassword;
import io.duban.console.api.OrgModels.Unit;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** org-service: sign-in, units, accounts and API clients. Wrapped by {@link OrgClient}. */
@RegisterRestClient(configKey = "org")
@Path("/api/v1")
public interface OrgApi {

    String AUTH = "Authorization";

    @POST
    @Path("/auth/login")
    Uni<LoginResult> login(@HeaderParam("X-Forwarded-For") String clientAddress, LoginRequest body);

    @POST
    @Path("/auth/refresh")
    Uni<LoginResult> refresh(RefreshRequest body);

    @POST
    @Path("/auth/logout")
    Uni<Response> logout(RefreshRequest body);

    @POST
    @Path("/auth/password")
    Uni<Response> changePassword(@HeaderParam(AUTH) String bearer, PasswordChange body);

    @GET
    @Path("/auth/me")
    Uni<Account> me(@HeaderParam(AUTH) String bearer);

    @POST
    @Path("/auth/totp/enrolment")
    Uni<OrgModels.TotpEnrolment> startTotpEnrolment(@HeaderParam(AUTH) String bearer);

    @POST
    @Path("/auth/totp/confirmation")
    Uni<Response> confirmTotp(@HeaderParam(AUTH) String bearer, OrgModels.TotpCode body);

    @GET
    @Path("/regions/{region}/units")
    Uni<Paged<Unit>> units(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                           @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/regions/{region}/units/import")
    Uni<OrgModels.UnitImport> importUnits(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                          @HeaderParam("Content-Type") String contentType, byte[] table);

    @GET
    @Path("/regions/{region}/units/{id}")
    Uni<Unit> unit(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @GET
    @Path("/regions/{region}/accounts")
    Uni<Paged<Account>> accounts(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                 @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/regions/{region}/accounts")
    Uni<Account> createAccount(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, NewAccount body);

    @POST
    @Path("/regions/{region}/accounts/{id}/deactivation")
    Uni<Response> deactivateAccount(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                    @PathParam("id") String id);

    @POST
    @Path("/regions/{region}/accounts/{id}/password-reset")
    Uni<TemporaryPassword> resetPassword(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                         @PathParam("id") String id);

    @GET
    @Path("/regions/{region}/api-clients")
    Uni<Paged<ApiClient>> apiClients(@HeaderParam(AUTH) String bearer, @PathParam("region") String region);

    @POST
    @Path("/regions/{region}/api-clients")
    Uni<ApiClient> createApiClient(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, NewApiClient body);

    @POST
    @Path("/regions/{region}/api-clients/{id}/secret")
    Uni<ClientSecret> rotateSecret(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                   @PathParam("id") String id);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response r) {
        return ApiProblem.from(r);
    }
}
