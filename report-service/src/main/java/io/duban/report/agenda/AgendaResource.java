package io.duban.report.agenda;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.duban.common.security.Caller;
import io.duban.common.security.Roles;
import io.duban.report.common.AsOf;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What one unit has to do: overdue, due soon, open, done, and its 长期 duties. A unit token reads only its own. */
@Path("/api/v1/regions/{region}/units/{unitId}/agenda")
@Tag(name = "agenda", description = "单位待办")
@Produces(MediaType.APPLICATION_JSON)
public class AgendaResource {

    @Inject
    AgendaService agendas;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.VIEWER, Roles.UNIT, Roles.SYSTEM})
    @Operation(operationId = "getUnitAgenda", summary = "单位待办：逾期、即将到期、未到期、已办结及长期事项")
    public Uni<Agenda> agenda(@PathParam("region") String region, @PathParam("unitId") String unitId,
                              @QueryParam("asOf") String asOf) {
        caller.requireUnitAccess(unitId);
        return agendas.agenda(region, unitId, AsOf.orToday(asOf));
    }
}
