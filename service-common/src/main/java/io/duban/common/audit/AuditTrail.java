package io.duban.common.audit;

import io.duban.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records requests in the audit trail: every write (any method but GET, HEAD and OPTIONS) whatever its outcome, every
 * refusal of a token (401, 403) and every document read (Word, Excel, HTML, CSV). A write that commits a fact writes its
 * record inside the fact's own transaction ({@link #inTransaction}, or {@link #draftInTransaction} for a store whose
 * transaction is not a {@link SqlClient}), so the two commit or roll back together. Everything else is written here,
 * after the work and before the answer is sent (awaited), so a client never sees an answer whose record could still be
 * lost: refusals (4xx before or inside a transaction that rolled back — its record went with it), reads of documents,
 * writes that commit nothing (a dry run, an idempotent replay, a 责任单位 resolve), sign-ins and token
 * grants (their counters and sign-in log commit on their own, refused or not) and the work of many transactions (the
 * projection's sync and rebuild), and a second record when an answer turned out other than the status written in the
 * transaction (a failure after the commit).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    /** Region of records no region can be told for (a sign-in by an unknown name, a refused token without one). */
    public static final String NO_REGION = "000000";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> DOCUMENTS = Set.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html", "text/csv");
    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();
    /** Whether a resource method's body is secret, looked up once per method (reflection on every request showed in JFR). */
    private static final Map<Method, Boolean> SECRET = new ConcurrentHashMap<>();

    @Inject
    AuditLog log;

    @Inject
    AuditConfig config;

    @Inject
    AuditContext context;

    @Inject
    Caller caller;

    public boolean enabled() {
        return config.enabled();
    }

    void bodyDigest(String sha256) {
        context.state().bodySha256 = sha256;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION - 200)
    public void capture(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (config.enabled()) {
            remember(request, resource, http);
        }
    }

    private void remember(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        context.state().method = request.getMethod();
        context.state().route = route(resource);
        context.state().secretBody = resource != null && resource.getResourceMethod() != null
                && SECRET.computeIfAbsent(resource.getResourceMethod(), m -> m.isAnnotationPresent(SecretBody.class)
                        || resource.getResourceClass().isAnnotationPresent(SecretBody.class));
        var params = request.getUriInfo().getPathParameters();
        context.state().pathRegion = params.getFirst("region");
        List<String> ids = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!"region".equals(name)) {
                ids.addAll(values);
            }
        });
        context.state().pathIds = ids.isEmpty() ? null : String.join(",", ids);
        SocketAddress peer = http == null ? null : http.remoteAddress();
        context.state().source = peer == null ? null : peer.hostAddress();
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            HttpServerRequest http) {
        try {
            if (!config.enabled()) {
                return Uni.createFrom().voidItem();
            }
            int status = response.getStatus();
            boolean matched = resource != null && resource.getResourceMethod() != null;
            boolean write = matched && !READS.contains(request.getMethod());
            boolean refusal = status == 401 || status == 403;
            boolean document = matched && "GET".equals(request.getMethod()) && status / 100 == 2 && isDocument(response.getMediaType());
            if (!(write || refusal || document) || (write && context.state().writtenStatus == status)) {
                return Uni.createFrom().voidItem();
            }
            if (context.state().method == null) {
                remember(request, resource, http);
            }
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            if (status == 201 && location != null && location.lastIndexOf('/') >= 0) {
                context.state().created.add(location.substring(location.lastIndexOf('/') + 1));
            }
            return log.insert(draft(status)).onFailure().recoverWithUni(e -> {
                LOG.errorf(e, "audit record of %s %s (%d) not written", context.state().method, context.state().route, status);
                return Uni.createFrom().voidItem();
            });
        } catch (RuntimeException e) {
            // never turn an answer into a 500 because its record could not be drafted
            LOG.errorf(e, "audit record of %s not drafted", request.getMethod());
            return Uni.createFrom().voidItem();
        }
    }

    /**
     * Writes the current request's record inside the transaction that writes its fact, with the status the request
     * will answer when that transaction commits; {@code created} are the ids of what it creates.
     */
    public Uni<Void> inTransaction(SqlClient tx, int status, String... created) {
        return draftInTransaction(status, created).map(r -> log.insert(tx, r)).orElseGet(() -> Uni.createFrom().voidItem());
    }

    /**
     * The current request's record for a store whose transaction is not a {@link SqlClient} (org-service's Hibernate
     * Reactive session: the caller inserts it there, {@link AuditLog#NATIVE_INSERT}); the response filter then writes no
     * second one. Empty when nothing is to be recorded: auditing off, or no request (a scheduled job).
     */
    public java.util.Optional<AuditRecord> draftInTransaction(int status, String... created) {
        if (!config.enabled() || !io.quarkus.arc.Arc.container().requestContext().isActive() || context.state().method == null) {
            return java.util.Optional.empty();
        }
        for (String id : created) {
            context.state().created.add(id);
        }
        context.state().writtenStatus = status;
        return java.util.Optional.of(draft(status));
    }

    private AuditRecord draft(int status) {
        String actor;
        String roles = null;
        String unit = null;
        String tokenRegion = null;
        try {
            if (caller.authenticated()) {
                actor = caller.name();
                roles = String.join(",", new TreeSet<>(caller.roles()));
                unit = caller.unitId().orElse(null);
                tokenRegion = caller.region().orElse(null);
            } else {
                actor = context.state().actor == null ? "anonymous" : context.state().actor;
            }
        } catch (RuntimeException e) {
            // a token that failed verification: the refusal is recorded without a name
            actor = context.state().actor == null ? "anonymous" : context.state().actor;
        }
        String region = regionOf(context.state().pathRegion, context.state().region, tokenRegion);
        List<String> ids = new ArrayList<>();
        if (context.state().pathIds != null) {
            ids.add(context.state().pathIds);
        }
        for (String id : context.state().created) {
            if (context.state().pathIds == null || !List.of(context.state().pathIds.split(",")).contains(id)) {
                ids.add(id);
            }
        }
        return new AuditRecord(0, region, null, actor, roles, unit, context.state().source, context.state().method, context.state().route,
                ids.isEmpty() ? null : String.join(",", ids), status, context.state().secretBody ? null : context.state().bodySha256,
                context.state().events.isEmpty() ? null : String.join(",", context.state().events), null, null, null);
    }

    static String regionOf(String path, String named, String token) {
        for (String r : new String[] {path, named, token}) {
            if (r != null && REGION.matcher(r).matches()) {
                return r;
            }
        }
        return NO_REGION;
    }

    private static boolean isDocument(MediaType type) {
        return type != null && DOCUMENTS.contains(type.getType() + "/" + type.getSubtype());
    }

    /** The route as written in the resource ({@code /api/v1/regions/{region}/assignments/{id}/reports}), never the ids. */
    static String route(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return "(unmatched)";
        }
        return ROUTES.computeIfAbsent(resource.getResourceMethod(), m -> {
            Path type = resource.getResourceClass().getAnnotation(Path.class);
            Path method = m.getAnnotation(Path.class);
            String t = type == null ? "" : type.value();
            String p = method == null ? "" : method.value();
            String joined = (t.startsWith("/") ? t : "/" + t) + (p.isEmpty() || p.startsWith("/") ? p : "/" + p);
            return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
        });
    }
}
