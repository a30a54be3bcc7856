package io.duban.task.common;

import io.duban.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Idempotency-Key for fact-creating POSTs, inside the transaction that creates the fact: the key
 * is claimed first (a concurrent retry waits on the row lock), and the response is stored before
 * commit. A failed request rolls back its claim, so only successful responses are replayed.
 */
public final class Idempotency {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private Idempotency() {
    }

    /** A response to replay: status and JSON body. */
    public record Stored(int status, String body) {
    }

    /**
     * The key as stored: scoped to the caller's unit (a {@code unit} token) or to the region's
     * broader roles, so one unit can neither replay another unit's response nor collide with its keys.
     */
    public static String validKey(String key, java.util.UUID unitScope) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("Idempotency-Key", "Idempotency-Key 应为 1 到 200 个可见 ASCII 字符。");
        }
        return (unitScope == null ? "region:" : "unit:" + unitScope + ":") + key;
    }

    /** The client's key without the scope {@link #validKey} put before it. */
    static String unscoped(String stored) {
        return stored.startsWith("unit:") ? stored.substring("unit:".length() + 37) : stored.substring("region:".length());
    }

    public static String hash(String... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                d.update(p.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty: the key is ours, go on. Present: replay it. 422 when the key was used for another request. */
    public static Uni<Optional<Stored>> claim(SqlClient tx, String region, String key, String hash) {
        if (key == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.preparedQuery("insert into idempotency_key (region, key, request_hash) values ($1, $2, $3) on conflict do nothing")
                .execute(Tuple.of(region, key, hash))
                .flatMap(inserted -> {
                    if (inserted.rowCount() == 1) {
                        return Uni.createFrom().item(Optional.<Stored>empty());
                    }
                    return tx.preparedQuery("select request_hash, status, body from idempotency_key where region = $1 and key = $2")
                            .execute(Tuple.of(region, key))
                            .map(rows -> {
                                var r = rows.iterator().next();
                                if (!r.getString("request_hash").equals(hash) || r.getInteger("status") == null) {
                                    throw ProblemException.unprocessable("Idempotency-Key 已用于另一个不同的请求。")
                                            .with("idempotencyKey", unscoped(key));
                                }
                                return Optional.of(new Stored(r.getInteger("status"), r.getString("body")));
                            });
                });
    }

    /**
     * Before work that must not be repeated for a retry (a call to another service): the stored response when the key
     * has one for this request, 422 when it was used for another; empty otherwise (the transaction's {@link #claim}
     * still decides, so a concurrent first use stays safe).
     */
    public static Uni<Optional<Stored>> peek(SqlClient client, String region, String key, String hash) {
        if (key == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return client.preparedQuery("select request_hash, status, body from idempotency_key where region = $1 and key = $2")
                .execute(Tuple.of(region, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<Stored>empty();
                    }
                    var r = rows.iterator().next();
                    if (!r.getString("request_hash").equals(hash)) {
                        throw ProblemException.unprocessable("Idempotency-Key 已用于另一个不同的请求。").with("idempotencyKey", unscoped(key));
                    }
                    return r.getInteger("status") == null ? Optional.<Stored>empty()
                            : Optional.of(new Stored(r.getInteger("status"), r.getString("body")));
                });
    }

    /** Runs {@code work} once per key: a replay answers the stored response; the first answer is stored as {@code status}. */
    public static <T> Uni<Stored> once(SqlClient tx, String region, String key, String hash, int status,
            java.util.function.Supplier<Uni<T>> work) {
        return claim(tx, region, key, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(replay.get());
            }
            return work.get().flatMap(result -> {
                Stored response = new Stored(status, Json.write(result));
                return complete(tx, region, key, response).replaceWith(response);
            });
        });
    }

    public static Uni<Void> complete(SqlClient tx, String region, String key, Stored response) {
        if (key == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("update idempotency_key set status = $3, body = $4 where region = $1 and key = $2")
                .execute(Tuple.of(region, key, response.status(), response.body())).replaceWithVoid();
    }
}
