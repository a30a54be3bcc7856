package io.duban.task.orgclient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** org-service's HTTP API as far as task-service uses it. Called only through {@link OrgClient}. */
@RegisterRestClient(configKey = "org")
@Path("/api/v1/regions/{region}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrgApi {

    @POST
    @Path("/responsibility/resolve-batch")
    Uni<ResolveBatchResponse> resolveBatch(@PathParam("region") String region,
            @HeaderParam("Authorization") String authorization, ResolveBatchRequest request);

    @GET
    @Path("/units/{id}")
    Uni<UnitView> unit(@PathParam("region") String region, @PathParam("id") String id,
            @HeaderParam("Authorization") String authorization);

    /** {@code year}: the plan's year, so names units had then (their former names) resolve too; may be null. */
    record ResolveBatchRequest(List<String> texts, Integer year) {
    }

    record ResolveBatchResponse(List<Resolution> results) {
    }

    /** What org-service made of one 责任单位 cell; {@code notes}: bracketed remarks naming no unit ("涉密信息除外"). */
    record Resolution(List<ResolvedUnit> assignments, List<Unresolved> unresolved, List<String> notes) {

        public Resolution(List<ResolvedUnit> assignments, List<Unresolved> unresolved) {
            this(assignments, unresolved, List.of());
        }

        public List<String> notesOrEmpty() {
            return notes == null ? List.of() : notes;
        }

        public List<ResolvedUnit> assignmentsOrEmpty() {
            return assignments == null ? List.of() : assignments;
        }

        public List<Unresolved> unresolvedOrEmpty() {
            return unresolved == null ? List.of() : unresolved;
        }
    }

    /** {@code formerName}: the unit's former name the text used (a plan of an earlier year), else null. */
    record ResolvedUnit(String unitId, String unitName, String role, String matchedText, String formerName) {

        public ResolvedUnit(String unitId, String unitName, String role, String matchedText) {
            this(unitId, unitName, role, matchedText, null);
        }
    }

    record Unresolved(String text, String reason, List<String> suggestions) {
    }

    record UnitView(String id, String name, String kind, Boolean active) {
    }
}
