package io.duban.report.projection;

import io.duban.feed.ChangePage;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** task-service's change feed ({@code quarkus.rest-client.task-feed.url}, from DUBAN_TASK_URL). */
@RegisterRestClient(configKey = "task-feed")
@Path("/api/v1/changes")
public interface TaskFeedApi {

    /** {@code after} null reads from the beginning. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ChangePage> changes(@QueryParam("after") String after, @QueryParam("limit") int limit,
                            @HeaderParam("Authorization") String authorization);
}
