package io.duban.common.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What one request has contributed to its audit record so far: the request line as routed (method, route template,
 * path ids, source address), the body's digest (taken while the body is read), events the service named (sign-in
 * outcomes), ids of what it created, and the status of a record already written inside the fact's own transaction
 * (then the response filter writes none, unless the answer turned out different).
 */
@RequestScoped
public class AuditContext {

    /** The request's state (a plain object: fields of a request-scoped bean cannot be reached through its proxy). */
    static final class State {
        String method;
        String route;
        String pathRegion;
        String pathIds;
        String source;
        String bodySha256;
        boolean secretBody;
        final List<String> events = new ArrayList<>();
        final List<String> created = new ArrayList<>();
        String actor;
        String region;
        int writtenStatus;
    }

    private final State state = new State();

    public State state() {
        return state;
    }

    /** A sign-in and similar: the event kind (LOGIN_FAILED …) and, when no token names the actor, who and where it was. */
    public void event(String kind, String actorName, String actorRegion) {
        state.events.add(kind);
        if (actorName != null && state.actor == null) {
            state.actor = actorName;
        }
        if (actorRegion != null && state.region == null) {
            state.region = actorRegion;
        }
    }

    /** Ids of resources the request created (added to the path's ids in the record). */
    public void created(String id) {
        state.created.add(id);
    }
}
