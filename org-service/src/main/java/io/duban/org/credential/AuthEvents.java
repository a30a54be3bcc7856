package io.duban.org.credential;

import io.duban.common.audit.AuditContext;
import io.quarkus.arc.Arc;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The sign-in log (auth_event): every sign-in, failure, lock, password change and account change. Written outside
 * any request transaction, so a refused sign-in (which answers with an error) is still recorded. Each event also
 * names itself in the request's audit record (service-common's audit trail), which the response filter writes.
 */
@ApplicationScoped
public class AuthEvents {

    /** Region of events for usernames no region knows. */
    public static final String NO_REGION = "000000";

    public enum Kind {
        LOGIN_OK, LOGIN_FAILED, LOGIN_REFUSED_LOCKED, LOGIN_REFUSED_INACTIVE, TOTP_FAILED, LOCKED, RATE_LIMITED,
        REFRESH, LOGOUT, PASSWORD_CHANGED, PASSWORD_RESET, TOTP_ENROLMENT_STARTED, TOTP_ENABLED,
        ACCOUNT_CREATED, ACCOUNT_DEACTIVATED, CLIENT_TOKEN, CLIENT_TOKEN_FAILED, CLIENT_CREATED, CLIENT_SECRET_ROTATED,
        CLIENT_DEACTIVATED, POLICY_CHANGED
    }

    private static final Logger LOG = Logger.getLogger(AuthEvents.class);

    @Inject
    Pool pool;

    @Inject
    AuditContext audit;

    public Uni<Void> record(String region, Kind kind, UUID accountId, String username, String address, String actor, String detail) {
        LOG.infof("auth %s region=%s account=%s user=%s from=%s by=%s %s", kind, region, accountId, username, address, actor,
                detail == null ? "" : detail);
        if (Arc.container().requestContext().isActive()) {
            // the request's audit record names the event and, for a sign-in without a token, who tried it
            audit.event(kind.name(), username == null ? actor : username, region);
        }
        return pool.preparedQuery("insert into auth_event (region, kind, account_id, username, client_address, actor, detail) values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple().addString(region == null ? NO_REGION : region).addString(kind.name()).addUUID(accountId)
                        .addString(cut(username, 64)).addString(cut(address, 64)).addString(cut(actor, 100)).addString(cut(detail, 200)))
                .replaceWithVoid();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
