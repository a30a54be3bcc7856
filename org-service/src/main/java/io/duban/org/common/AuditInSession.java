package io.duban.org.common;

import io.duban.common.audit.AuditLog;
import io.duban.common.audit.AuditTrail;
import io.duban.org.credential.AuthEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Writes the current request's audit record inside the Hibernate Reactive transaction of the fact it records (the
 * {@code @WithTransaction} of a service method), so record and fact commit or roll back together; the response filter
 * then writes no second one.
 */
@ApplicationScoped
public class AuditInSession {

    @Inject
    AuditTrail trail;

    /** {@code status}: what the request answers when the transaction commits; {@code created}: ids of what it creates. */
    public Uni<Void> record(int status, String... created) {
        return insert(trail.draftInTransaction(status, created));
    }

    /**
     * The same, naming {@code event}: the sign-in-log event (ACCOUNT_DEACTIVATED …) that {@code AuthEvents} writes after
     * the commit — named here so the record says it though the response filter writes no second one.
     */
    public Uni<Void> recordNaming(AuthEvents.Kind event, int status, String... created) {
        return insert(trail.draftInTransaction(status, created).map(r -> r.naming(event.name())));
    }

    private Uni<Void> insert(java.util.Optional<io.duban.common.audit.AuditRecord> draft) {
        return draft.map(r -> Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(AuditLog.NATIVE_INSERT);
            List<Object> values = AuditLog.values(r);
            for (int i = 0; i < values.size(); i++) {
                q.setParameter(i + 1, values.get(i));
            }
            return q.executeUpdate();
        }).replaceWithVoid()).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
