package io.duban.console.api;

import io.duban.console.session.ConsoleConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/** What every call to a service gets: a time limit, and "could not reach it" as a 503 {@link ApiProblem}. */
@ApplicationScoped
public class Calls {

    private final ConsoleConfig config;

    public Calls(ConsoleConfig config) {
        this.config = config;
    }

    public <T> Uni<T> guard(String service, Uni<T> call) {
        return call.ifNoItem().after(config.callTimeout()).failWith(() -> ApiProblem.unavailable(service, null))
                .onFailure(e -> !(e instanceof ApiProblem)).transform(e -> ApiProblem.unavailable(service, e));
    }

    /** A raw answer that must be a success: else its problem. */
    public static Response ok(Response r) {
        if (r.getStatus() >= 400) {
            throw ApiProblem.from(r);
        }
        return r;
    }

    /** The ETag of an answer, as sent (quoted). */
    public static String etag(Response r) {
        String e = r.getHeaderString("ETag");
        return e == null ? "" : e;
    }
}
