package io.duban.report.alert;

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

/** Stores each region's {@link AlertChannels} as one versioned row. */
@ApplicationScoped
public class AlertChannelStore {

    /** Channels with their version (0 when none were ever stored). */
    public record Stored(AlertChannels channels, long version) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

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
                            .replaceWith(new Stored(next, version));
                }));
    }

    AlertChannels read(String text) {
        try {
            return json.readValue(text, AlertChannels.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert channels unreadable", e);
        }
    }

    String write(AlertChannels channels) {
        try {
            return json.writeValueAsString(channels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
