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
import io.duban.console.api.ReportModels.CalendarKey;
import io.duban.console.api.ReportModels.DirectExtension;
import io.duban.console.api.ReportModels.ExtensionDecision;
import io.duban.console.api.ReportModels.ExtensionRequest;
import io.duban.console.api.ReportModels.Extensions;
import io.duban.console.api.ReportModels.SupervisionSettings;
import io.duban.console.api.ReportModels.NewExtensionRequest;
import io.duban.console.api.ReportModels.NewRectification;
import io.duban.console.api.ReportModels.NewUrge;
import io.duban.console.api.ReportModels.NewVerification;
import io.duban.console.api.ReportModels.Urge;
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

/** report-service: the judged numbers, agenda, findings (整改, 复核), 延期, 催办, calendar keys, 通报, 考核, alerts, province view. Wrapped by {@link ReportClient}. */
@RegisterRestClient(configKey = "report")
@Path("/api/v1")
public interface ReportApi {

    String AUTH = "Authorization";

    @GET
    @Path("/regions/{region}/dashboard")
    Uni<RestResponse<Dashboard>> dashboard(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                           @QueryParam("asOf") String asOf, @QueryParam("planId") String planId,
                                           @HeaderParam("If-None-Match") String ifNoneMatch);

    /** Keyset pages only; {@code light} and {@code status} are comma lists (RED,YELLOW / OVERDUE,DUE_SOON). */
    @GET
    @Path("/regions/{region}/obligations")
    Uni<Paged<Obligation>> obligations(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                       @QueryParam("asOf") String asOf, @QueryParam("planId") String planId,
                                       @QueryParam("unitId") String unitId, @QueryParam("light") String light,
                                       @QueryParam("status") String status, @QueryParam("after") String after,
                                       @QueryParam("size") int size, @QueryParam("total") String total);

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
    Uni<RestResponse<OverdueSummary>> overdueSummary(@HeaderParam(AUTH) String bearer, @QueryParam("regionPrefix") String prefix,
                                                     @QueryParam("asOf") String asOf,
                                                     @HeaderParam("If-None-Match") String ifNoneMatch);

    @GET
    @Path("/regions/{region}/findings")
    Uni<Paged<Finding>> findings(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                 @QueryParam("unitId") String unitId, @QueryParam("status") String status,
                                 @QueryParam("asOf") String asOf, @QueryParam("page") int page,
                                 @QueryParam("size") int size);

    @GET
    @Path("/regions/{region}/findings/{id}")
    Uni<Response> finding(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @POST
    @Path("/regions/{region}/findings/{id}/rectifications")
    Uni<Response> rectify(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id,
                          @HeaderParam("Idempotency-Key") String idempotencyKey, NewRectification body);

    @POST
    @Path("/regions/{region}/findings/{id}/verification")
    Uni<Response> verify(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id,
                         @HeaderParam("If-Match") String ifMatch, NewVerification body);

    @GET
    @Path("/regions/{region}/supervision-settings")
    Uni<SupervisionSettings> supervisionSettings(@HeaderParam(AUTH) String bearer, @PathParam("region") String region);

    @GET
    @Path("/regions/{region}/obligations/{id}/extensions")
    Uni<Extensions> extensions(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                               @PathParam("id") String obligationId);

    @POST
    @Path("/regions/{region}/obligations/{id}/extensions")
    Uni<Response> extend(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                         @PathParam("id") String obligationId, @HeaderParam("Idempotency-Key") String idempotencyKey,
                         DirectExtension body);

    @POST
    @Path("/regions/{region}/obligations/{id}/extension-requests")
    Uni<Response> requestExtension(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                   @PathParam("id") String obligationId,
                                   @HeaderParam("Idempotency-Key") String idempotencyKey, NewExtensionRequest body);

    @GET
    @Path("/regions/{region}/extension-requests")
    Uni<Paged<ExtensionRequest>> extensionRequests(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                                   @QueryParam("status") String status,
                                                   @QueryParam("unitId") String unitId, @QueryParam("page") int page,
                                                   @QueryParam("size") int size);

    @POST
    @Path("/regions/{region}/extension-requests/{id}/decision")
    Uni<Response> decideExtension(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                  @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  ExtensionDecision body);

    @POST
    @Path("/regions/{region}/urges")
    Uni<Response> urge(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                       @HeaderParam("Idempotency-Key") String idempotencyKey, NewUrge body);

    @GET
    @Path("/regions/{region}/urges")
    Uni<Paged<Urge>> urges(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                           @QueryParam("unitId") String unitId, @QueryParam("status") String status,
                           @QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/regions/{region}/urges/{id}/receipt")
    Uni<Response> readUrge(@HeaderParam(AUTH) String bearer, @PathParam("region") String region, @PathParam("id") String id);

    @POST
    @Path("/regions/{region}/units/{unitId}/calendar-key")
    Uni<CalendarKey> rotateCalendarKey(@HeaderParam(AUTH) String bearer, @PathParam("region") String region,
                                       @PathParam("unitId") String unitId);

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
