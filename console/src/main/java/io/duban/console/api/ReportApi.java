package io.duban.console.api;

import io.duban.console.api.ReportModels.Agenda;
import io.duban.console.api.ReportModels.Alert;
import io.duban.console.api.ReportModels.Assessment;
import io.duban.console.api.ReportModels.Bulletin;
import io.duban.console.api.ReportModels.BulletinSummary;
import io.duban.console.api.ReportModels.Dashboard;
import io.duban.console.api.ReportModels.Finding;
import io.duban.console.api.ReportModels.NewBulletin;
import io.duban.console.api.ReportModels.NewFinding;
import io.duban.console.api.ReportModels.NextSteps;
import io.duban.console.api.ReportModels.Obligation;
import io.duban.console.api.ReportModels.OverdueSummary;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.RestResponse;
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

/** report-service: the judged numbers, agenda, findings, 通报, 考核, alerts, province view. Wrapped by {@link ReportClient}. */
@RegisterRestClient(configKey = "report")
@Path("/api/v1")
public interface ReportApi {

    String AUTH = "Authorization";

    @GET
    @Path("/regions/{region}/dashboard")
    Uni<RestResponse<Dashboard>> dashboard(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                           @QueryParam("asOf") String asOf, @QueryParam("planId") String planId,
                                           @HeaderParam("If-None-Match") String ifNoneMatch);

    @GET
    @Path("/regions/{region}/overdue")
    Uni<Paged<Obligation>> overdue(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                   @QueryParam("asOf") String asOf, @QueryParam("planId") String planId,
                                   @QueryParam("unitId") String unitId, @QueryParam("page") int page,
                                   @QueryParam("size") int size);

    @GET
    @Path("/regions/{region}/obligations")
    Uni<Paged<Obligation>> obligations(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                       @QueryParam("asOf") String asOf, @QueryParam("planId") String planId,
                                       @QueryParam("unitId") String unitId, @QueryParam("page") int page,
                                       @QueryParam("size") int size);

    @GET
    @Path("/regions/{region}/units/{unitId}/agenda")
    Uni<Agenda> agenda(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                       @PathParam("unitId") String unitId, @QueryParam("asOf") String asOf);

    @GET
    @Path("/regions/{region}/acknowledgements/overdue")
    Uni<List<ReportModels.LateAcknowledgement>> lateAcknowledgements(@HeaderParam(AUTH) String bearer,
                                                                     @PathParam("region") String region,
                                                                     @QueryParam("asOf") String asOf);

    @GET
    @Path("/counties/{county}/dashboard")
    Uni<Dashboard> countyDashboard(@HeaderParam(AUTH) String bearer, @PathParam("county") String county,
                                   @QueryParam("asOf") String asOf);

    @GET
    @Path("/overdue/summary")
    Uni<OverdueSummary> overdueSummary(@HeaderParam(AUTH) String bearer, @QueryParam("regionPrefix") String prefix,
                                       @QueryParam("asOf") String asOf);

    @GET
    @Path("/regions/{region}/findings")
    Uni<Paged<Finding>> findings(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                 @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/regions/{region}/findings")
    Uni<Finding> recordFinding(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                               @HeaderParam("Idempotency-Key") String idempotencyKey, NewFinding body);

    @GET
    @Path("/regions/{region}/bulletins")
    Uni<Paged<BulletinSummary>> bulletins(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                          @QueryParam("year") Integer year, @QueryParam("page") int page,
                                          @QueryParam("size") int size);

    @POST
    @Path("/regions/{region}/bulletins")
    Uni<Bulletin> draftBulletin(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, NewBulletin body);

    @GET
    @Path("/regions/{region}/bulletins/{id}")
    Uni<Response> bulletin(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                           @PathParam("id") String id, @HeaderParam("Accept") String accept);

    @PUT
    @Path("/regions/{region}/bulletins/{id}")
    Uni<Response> editBulletin(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                               @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, NextSteps body);

    @POST
    @Path("/regions/{region}/bulletins/{id}/publish")
    Uni<Response> publishBulletin(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                  @PathParam("id") String id);

    @GET
    @Path("/regions/{region}/assessments/{year}")
    Uni<Response> assessment(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                             @PathParam("year") int year, @QueryParam("asOf") String asOf,
                             @HeaderParam("Accept") String accept);

    @POST
    @Path("/regions/{region}/assessments/{year}/finalize")
    Uni<Response> finalizeAssessment(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                     @PathParam("year") int year, @QueryParam("asOf") String asOf);

    @GET
    @Path("/regions/{region}/alert-channels")
    Uni<Response> alertChannels(@HeaderParam(AUTH) String bearer, @PathParam("region") String region);

    @PUT
    @Path("/regions/{region}/alert-channels")
    Uni<Response> saveAlertChannels(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                    @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    @GET
    @Path("/regions/{region}/alerts")
    Uni<Paged<Alert>> alerts(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                             @QueryParam("page") int page, @QueryParam("size") int size);

    @ClientExceptionMapper
    static RuntimeException toProblem(Response r) {
        return ApiProblem.from(r);
    }
}
