package io.duban.common;

import io.duban.common.problem.ProblemException;
import io.duban.common.security.Caller;
import io.duban.common.web.ETags;
import io.duban.common.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;

/** A resource that exists only in tests, to exercise the shared filters and mappers. */
@Path("/api/v1/regions/{region}/probe")
public class ProbeResource {

    @Inject
    Caller caller;

    public record Body(@NotBlank @Size(max = 10) String title, int count, java.time.LocalDate on) {
    }

    @GET
    @RolesAllowed({"supervisor", "viewer", "unit"})
    public Map<String, Object> get(@PathParam("region") String region,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest p = PageRequest.of(page, size);
        return Map.of("region", region, "unit", caller.unitId().orElse(""), "page", p.page());
    }

    @POST
    @RolesAllowed("supervisor")
    public Body post(@PathParam("region") String region, @Valid Body body) {
        return body;
    }

    @PUT
    @RolesAllowed("supervisor")
    public Map<String, Object> put(@PathParam("region") String region, @HeaderParam("If-Match") String ifMatch) {
        ETags.check(ifMatch, 3);
        return Map.of("ok", true);
    }

    @GET
    @Path("/units/{unitId}")
    @RolesAllowed({"supervisor", "unit"})
    public Map<String, Object> unit(@PathParam("region") String region, @PathParam("unitId") String unitId) {
        caller.requireUnitAccess(unitId);
        return Map.of("unit", unitId);
    }

    @GET
    @Path("/boom")
    @RolesAllowed("supervisor")
    public String boom(@PathParam("region") String region) {
        if (region != null) {
            throw new IllegalStateException("secret internals");
        }
        throw ProblemException.conflict("never");
    }
}
