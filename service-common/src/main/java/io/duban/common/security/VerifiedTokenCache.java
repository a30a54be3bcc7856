package io.duban.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose RS256 signature and claims were already checked, by SHA-256 of the whole compact token (header,
 * claims and signature: a token with the same claims but another signature is another key and is verified anew).
 * An entry lives until the token's {@code exp}, at most {@code maxAge}, and the cache holds at most
 * {@code maxSize} tokens (least recently used go first). Plain class: {@link CachingJwtParser} puts it in front of
 * smallrye-jwt's parser.
 */
public final class VerifiedTokenCache {

    /** What a cache miss does: verify the token (signature, issuer, exp) or throw. */
    @FunctionalInterface
    public interface Verifier<E extends Exception> {
        JsonWebToken verify(String token) throws E;
    }

    private record Entry(JsonWebToken jwt, long expiresAtMillis) {
    }

    private final Cache<String, Entry> cache;
    private final LongSupplier clockMillis;
    private final long maxAgeMillis;
    private final LongAdder verifications = new LongAdder();

    public VerifiedTokenCache(long maxSize, Duration maxAge, LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.maxAgeMillis = maxAge.toMillis();
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry e, long currentTime) {
                        return Duration.ofMillis(Math.max(0, e.expiresAtMillis - clockMillis.getAsLong())).toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry e, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, e, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry e, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The cached verification of {@code token}, or {@code verifier}'s (cached when the token has an exp ahead). */
    public <E extends Exception> JsonWebToken verified(String token, Verifier<E> verifier) throws E {
        String key = digest(token);
        long now = clockMillis.getAsLong();
        Entry hit = cache.getIfPresent(key);
        // Caffeine's own clock decides eviction; the wall clock decides validity, so a late eviction is harmless
        if (hit != null && now < hit.expiresAtMillis) {
            return hit.jwt;
        }
        verifications.increment();
        JsonWebToken jwt = verifier.verify(token);
        long exp = jwt.getExpirationTime() * 1000L;
        long until = Math.min(exp, now + maxAgeMillis);
        if (exp > 0 && until > now) {
            cache.put(key, new Entry(jwt, until));
        }
        return jwt;
    }

    /** Signature verifications run so far (cache misses that reached the verifier). */
    public long verifications() {
        return verifications.sum();
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    public void clear() {
        cache.invalidateAll();
    }

    private static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
