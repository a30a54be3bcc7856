package io.duban.report.assessment;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.common.web.ETags;
import io.duban.report.common.AsOf;
import io.duban.report.document.Downloads;
import io.duban.report.document.SpreadsheetWriter;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Year-end 考核: the scheme (supervisor), the scores (supervisor, viewer, system) as JSON, XLSX or CSV, finalize. */
@Path("/api/v1/regions/{region}")
@Tag(name = "assessments", description = "年度考核：方案、得分、定稿")
public class AssessmentResource {

    static final MediaType XLSX = MediaType.valueOf(Downloads.XLSX);
    static final MediaType CSV = MediaType.valueOf(Downloads.CSV);
    static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON_TYPE, XLSX, CSV);

    @Inject
    AssessmentService assessments;

    @Inject
    Caller caller;

    @GET
    @Path("/assessment-scheme/{year}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @Operation(operationId = "getAssessmentScheme", summary = "年度考核方案（未保存时为默认方案，ETag \"0\"）")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentScheme.class)))
    public Uni<Response> scheme(@PathParam("region") String region, @PathParam("year") String year) {
        return assessments.scheme(region, year(year)).map(AssessmentResource::ok);
    }

    @PUT
    @Path("/assessment-scheme/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "saveAssessmentScheme", summary = "保存年度考核方案（校验；已保存时需 If-Match；考核定稿后 409）")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentScheme.class)))
    public Uni<Response> putScheme(@PathParam("region") String region, @PathParam("year") String year,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull(message = "缺少请求体") AssessmentScheme body) {
        return assessments.putScheme(region, year(year), body, ifMatch, caller.name()).map(AssessmentResource::ok);
    }

    @GET
    @Path("/assessments/{year}")
    @Produces({MediaType.APPLICATION_JSON, Downloads.XLSX, Downloads.CSV})
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.SYSTEM})
    @Operation(operationId = "getAssessment", summary = "年度考核得分：JSON（默认）、Excel（Accept: …spreadsheetml.sheet，含汇总/任务明细/检查问题）或 CSV（汇总）；"
            + "定稿后返回定稿内容，asOf 不再起作用")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Assessment.class)),
            @Content(mediaType = Downloads.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = Downloads.CSV, schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> assessment(@PathParam("region") String region, @PathParam("year") String year,
                                    @QueryParam("asOf") String asOf, @Context HttpHeaders headers) {
        MediaType type = Downloads.choose(headers, OFFERED);
        int y = year(year);
        return assessments.get(region, y, AsOf.date("asOf", asOf)).chain(full -> render(full, type));
    }

    @POST
    @Path("/assessments/{year}/finalize")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "finalizeAssessment", summary = "考核定稿：冻结当前计算结果，此后不再变化；再次定稿 409")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Assessment.class)))
    public Uni<Assessment> finalizeYear(@PathParam("region") String region, @PathParam("year") String year,
                                        @QueryParam("asOf") String asOf) {
        return assessments.finalizeYear(region, year(year), AsOf.date("asOf", asOf), caller.name()).map(Assessment.Full::assessment);
    }

    private static Uni<Response> render(Assessment.Full full, MediaType type) {
        if (type.equals(MediaType.APPLICATION_JSON_TYPE)) {
            return Uni.createFrom().item(Response.ok(full.assessment()).type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build());
        }
        int year = full.assessment().year();
        String name = year + "年度政务公开考核结果" + (full.assessment().finalized() ? "" : "（未定稿）");
        // POI is CPU-bound: render on a worker, never on the event loop.
        return Uni.createFrom().item(() -> type.equals(XLSX)
                        ? Downloads.file(SpreadsheetWriter.xlsx(AssessmentExport.tables(full)), Downloads.XLSX,
                        "assessment-" + year + ".xlsx", name + ".xlsx", false)
                        : Downloads.file(SpreadsheetWriter.csv(AssessmentExport.summary(full.assessment())), Downloads.CSV,
                        "assessment-" + year + ".csv", name + ".csv", false))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response ok(AssessmentService.VersionedScheme s) {
        return Response.ok(s.scheme()).header(HttpHeaders.ETAG, ETags.of(s.version())).build();
    }

    private static int year(String raw) {
        try {
            int y = Integer.parseInt(raw.trim());
            if (y >= 2000 && y <= 2100) {
                return y;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalidField("year", "year 应为 2000 到 2100 之间的年份。");
    }
}
