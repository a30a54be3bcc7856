package io.duban.report.alert;

import io.duban.common.audit.AuditTrail;
import io.duban.common.secrets.SecretKeys;
import io.duban.common.secrets.SecretSeal;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.duban.report.common.AdvisoryLock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores each region's {@link AlertChannels} as one versioned row. Webhook signing secrets are sealed in the stored
 * document (AES-GCM under DUBAN_SECRETS_KEY, service-common's {@link SecretKeys}) and opened when read; a secret
 * stored in clear before issue 16 still reads and is re-sealed at start-up ({@link #resealAll}).
 */
@ApplicationScoped
public class AlertChannelStore {

    /** Channels with their version (0 when none were ever stored). */
    public record Stored(AlertChannels channels, long version) {
    }

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    SecretKeys keys;

    /** Associated data of a sealed webhook secret: it opens only as one. */
    static final String AAD = "alert-channel-secret";

    public Uni<Stored> load(String region) {
        return load(pool, region, false);
    }

    Uni<Stored> load(SqlClient client, String region, boolean forUpdate) {
        return client.preparedQuery("SELECT config::text AS c, version FROM alert_channels WHERE region = $1"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(region))
                .map(this::stored);
    }

    Stored stored(RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return new Stored(null, 0);
        }
        Row r = rows.iterator().next();
        return new Stored(read(r.getString("c")), r.getLong("version"));
    }

    /**
     * Replaces the region's channels when {@code expectedVersion} is the stored one (412 otherwise);
     * secrets a channel does not name are kept from the stored ones.
     */
    public Uni<Stored> replace(String region, AlertChannels given, long expectedVersion, String by) {
        return pool.withTransaction(conn -> AdvisoryLock.ALERTS.lock(conn, "channels|" + region)
                .chain(() -> load(conn, region, true))
                .chain(current -> {
                    if (current.version() != expectedVersion) {
                        return Uni.createFrom().failure(ProblemException.preconditionFailed(
                                "通知渠道已被他人修改（当前版本 " + current.version() + "），请重新读取后再修改。"));
                    }
                    AlertChannels next = given.withSecretsFrom(current.channels());
                    long version = current.version() + 1;
                    return conn.preparedQuery("INSERT INTO alert_channels (region, config, version, updated_by, updated_at)"
                                    + " VALUES ($1, $2, $3, $4, now()) ON CONFLICT (region) DO UPDATE SET"
                                    + " config = excluded.config, version = excluded.version,"
                                    + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                            .execute(Tuple.of(region, new JsonObject(write(next)), version, by))
                            .call(() -> audit.inTransaction(conn, 200))
                            .replaceWith(new Stored(next, version));
                }));
    }

    /**
     * Re-seals every region's document whose secrets are in clear or under an older key (after a key rotation);
     * the number of documents rewritten. The version is not bumped: the channels are the same.
     */
    public Uni<Integer> resealAll() {
        return pool.query("SELECT region, config::text AS c FROM alert_channels").execute().flatMap(rows -> {
            List<Uni<Integer>> updates = new ArrayList<>();
            for (Row r : rows) {
                String text = r.getString("c");
                AlertChannels raw;
                try {
                    raw = json.readValue(text, AlertChannels.class);
                } catch (JsonProcessingException e) {
                    continue;
                }
                boolean stale = Stream.concat(Stream.of(raw.defaultChannel(), raw.supervisor()), raw.unitsOrEmpty().values().stream())
                        .anyMatch(ch -> ch != null && ch.secret() != null && keys.seal().needsResealing(ch.secret()));
                if (stale) {
                    String next;
                    try {
                        next = write(read(text));
                    } catch (RuntimeException e) {
                        // a secret no configured key opens is left as it is; it never stops the start
                        continue;
                    }
                    updates.add(pool.preparedQuery("UPDATE alert_channels SET config = $3 WHERE region = $1 AND config::text = $2")
                            .execute(Tuple.of(r.getString("region"), text, new JsonObject(next))).map(u -> u.rowCount()));
                }
            }
            return updates.isEmpty() ? Uni.createFrom().item(0)
                    : Uni.join().all(updates).andFailFast().map(l -> l.stream().mapToInt(Integer::intValue).sum());
        });
    }

    void onStart(@Observes StartupEvent e) {
        if (keys.configured()) {
            resealAll().await().indefinitely();
        }
    }

    AlertChannels read(String text) {
        try {
            AlertChannels stored = json.readValue(text, AlertChannels.class);
            return stored.mapSecrets(s -> SecretSeal.isSealed(s) ? keys.seal().openText(s, AAD) : s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert channels unreadable", e);
        }
    }

    String write(AlertChannels channels) {
        try {
            return json.writeValueAsString(channels.mapSecrets(s -> keys.seal().seal(s, AAD)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
