package io.duban.org.common;

import io.duban.common.audit.AuditLog;
import io.duban.common.audit.AuditTrail;
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
        return trail.draftInTransaction(status, created).map(r -> Panache.getSession().chain(s -> {
            var q = s.createNativeQuery(AuditLog.NATIVE_INSERT);
            List<Object> values = AuditLog.values(r);
            for (int i = 0; i < values.size(); i++) {
                q.setParameter(i + 1, values.get(i));
            }
            return q.executeUpdate();
        }).replaceWithVoid()).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
