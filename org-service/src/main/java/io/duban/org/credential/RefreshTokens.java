package io.duban.org.credential;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Server-side refresh tokens: "<region>.<256 random bits>" handed out once, only their SHA-256 kept. Using one
 * revokes it in the same statement that reads it, so of two concurrent refreshes with the same token one wins.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A refresh token just issued. */
    public record Issued(String token, OffsetDateTime expiresAt) {
    }

    /** What a used refresh token stood for. */
    public record Used(String region, UUID accountId, OffsetDateTime absoluteExpiry) {
    }

    @Inject
    Pool pool;

    @Inject
    AuthConfig config;

    public Uni<Issued> issue(String region, UUID accountId, OffsetDateTime absoluteExpiry) {
        String token = region + "." + random();
        OffsetDateTime idle = OffsetDateTime.now().plus(config.idleTimeout());
        OffsetDateTime expires = idle.isBefore(absoluteExpiry) ? idle : absoluteExpiry;
        return pool.preparedQuery("insert into refresh_token (region, token_hash, account_id, expires_at, absolute_expiry) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(region, hash(token), accountId, expires, absoluteExpiry))
                .map(x -> new Issued(token, expires));
    }

    /** Revokes the token and says what it was for; null when it is unknown, revoked or expired. */
    public Uni<Used> use(String token) {
        String region = regionOf(token);
        if (region == null) {
            return Uni.createFrom().nullItem();
        }
        return pool.preparedQuery("""
                update refresh_token set revoked_at = now()
                where region = $1 and token_hash = $2 and revoked_at is null and expires_at > now()
                returning account_id, absolute_expiry
                """).execute(Tuple.of(region, hash(token))).map(rows -> {
            if (rows.rowCount() == 0) {
                return null;
            }
            Row r = rows.iterator().next();
            return new Used(region, r.getUUID(0), r.getOffsetDateTime(1));
        });
    }

    public Uni<Void> revoke(String token) {
        String region = regionOf(token);
        if (region == null) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("update refresh_token set revoked_at = now() where region = $1 and token_hash = $2 and revoked_at is null")
                .execute(Tuple.of(region, hash(token))).replaceWithVoid();
    }

    public Uni<Integer> revokeAll(String region, UUID accountId) {
        return pool.preparedQuery("update refresh_token set revoked_at = now() where region = $1 and account_id = $2 and revoked_at is null")
                .execute(Tuple.of(region, accountId)).map(rows -> rows.rowCount());
    }

    private static String regionOf(String token) {
        return token != null && token.length() > 7 && token.length() < 100 && token.charAt(6) == '.'
                && token.substring(0, 6).chars().allMatch(Character::isDigit) ? token.substring(0, 6) : null;
    }

    static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 hex: enough for 256-bit random secrets, which cannot be guessed, so a slow hash buys nothing. */
    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
