package io.duban.report.common;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} of the POSTs that create facts ({@code creation_key}): the first request
 * creates and remembers what it created, in its own transaction; a retry with the same body gets
 * that resource again; the same key with another body is a 422. Keys are scoped (by operation and
 * caller), so two accounts never replay each other's answers.
 */
public final class CreationKeys {

    static final int MAX_KEY = 200;

    private CreationKeys() {
    }

    /** A resource and whether this request created it (false: a retry answered with the first one). */
    public record Created<T>(T value, boolean created) {
    }

    /**
     * Runs {@code create} in a transaction, once per key. Without a key it simply creates. The request's audit record
     * (a 201 naming what was created) commits in the same transaction; a retry answered with the first resource is
     * recorded by the response filter.
     *
     * @param hashOf the request as checked (its text is hashed: another body under the same key is a 422)
     * @param idOf   the id of what {@code create} made, remembered under the key
     * @param load   reads the resource a retry answers with
     */
    public static <T> Uni<Created<T>> once(AuditTrail audit, Pool pool, String region, String scope, String key, Object hashOf,
                                           Function<SqlClient, Uni<T>> create, Function<T, UUID> idOf,
                                           BiFunction<SqlClient, UUID, Uni<T>> load) {
        if (key == null || key.isBlank()) {
            return pool.withTransaction(c -> create.apply(c).call(v -> audit.inTransaction(c, 201, idOf.apply(v).toString())))
                    .map(v -> new Created<>(v, true));
        }
        String k = key.trim();
        if (k.length() > MAX_KEY) {
            throw ProblemException.invalidField("Idempotency-Key", "Idempotency-Key 不能超过 " + MAX_KEY + " 个字符。");
        }
        String hash = sha256(String.valueOf(hashOf));
        return pool.withTransaction(c -> AdvisoryLock.CREATION_KEY.lock(c, region + "|" + scope + "|" + k)
                .chain(() -> c.preparedQuery("SELECT request_hash, resource_id FROM creation_key"
                        + " WHERE region = $1 AND scope = $2 AND key = $3").execute(Tuple.of(region, scope, k)))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        var r = rows.iterator().next();
                        if (!r.getString("request_hash").equals(hash)) {
                            throw ProblemException.unprocessable("Idempotency-Key 已用于另一个不同的请求，请换一个键。");
                        }
                        return load.apply(c, r.getUUID("resource_id")).map(v -> new Created<>(v, false));
                    }
                    return create.apply(c).call(v -> c.preparedQuery("INSERT INTO creation_key (region, scope, key,"
                                    + " request_hash, resource_id) VALUES ($1, $2, $3, $4, $5)")
                            .execute(Tuple.of(region, scope, k, hash, idOf.apply(v))))
                            .call(v -> audit.inTransaction(c, 201, idOf.apply(v).toString()))
                            .map(v -> new Created<>(v, true));
                }));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
