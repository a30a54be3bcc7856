package io.duban.org.auth;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * At start-up, re-seals every TOTP seed not sealed under the current secrets key: seeds of the pre-issue-16 format
 * and, after {@code ./duban rotate-secrets-key}, seeds under the previous key. Each row is updated only if it still
 * holds the value read (a concurrent enrolment wins). Blocking at start-up is fine: nothing is served yet.
 */
@ApplicationScoped
public class TotpResealing {

    private static final Logger LOG = Logger.getLogger(TotpResealing.class);

    @Inject
    Pool pool;

    @Inject
    TotpSeals seals;

    @Inject
    io.duban.common.secrets.SecretKeys keys;

    void onStart(@Observes StartupEvent e) {
        // without DUBAN_SECRETS_KEY old seeds stay as they are (they still open); new enrolments need the key
        if (keys.configured()) {
            resealAll().await().indefinitely();
        }
    }

    /** The number of seeds re-sealed. */
    public Uni<Integer> resealAll() {
        return pool.preparedQuery("select region, id, totp_secret from account where totp_secret is not null").execute()
                .flatMap(rows -> {
                    List<Uni<Integer>> updates = new ArrayList<>();
                    for (Row r : rows) {
                        String stored = r.getString("totp_secret");
                        if (!seals.needsResealing(stored)) {
                            continue;
                        }
                        String region = r.getString("region");
                        UUID id = r.getUUID("id");
                        String aad = region + "/" + id;
                        String next;
                        try {
                            next = seals.seal(seals.open(stored, aad), aad);
                        } catch (RuntimeException e) {
                            // a seed no configured key opens stays as it is (its owner re-enrols); it never stops the start
                            LOG.warnf("TOTP seed of account %s/%s cannot be opened, left as it is: %s", region, id, e.getMessage());
                            continue;
                        }
                        updates.add(pool.preparedQuery("update account set totp_secret = $4 where region = $1 and id = $2 and totp_secret = $3")
                                .execute(Tuple.of(region, id, stored, next)).map(u -> u.rowCount()));
                    }
                    if (updates.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Uni.join().all(updates).usingConcurrencyOf(4).andFailFast()
                            .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
                })
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("re-sealed %d TOTP seeds under the current secrets key", n);
                    }
                });
    }
}
