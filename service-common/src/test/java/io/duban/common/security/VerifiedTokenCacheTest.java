package io.duban.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    final AtomicInteger calls = new AtomicInteger();

    /** A verifier that accepts every token whose text names an exp (seconds) after "exp=" and refuses it once past. */
    JsonWebToken verify(String token) throws Exception {
        calls.incrementAndGet();
        long exp = Long.parseLong(token.substring(token.indexOf("exp=") + 4));
        if (exp * 1000 <= now.get()) {
            throw new Exception("expired");
        }
        return jwt(exp);
    }

    String token(String who, long secondsAhead) {
        return who + ".exp=" + (now.get() / 1000 + secondsAhead);
    }

    @Test
    void theSameTokenIsVerifiedOnceWhileValid() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofMinutes(5), now::get);
        String t = token("a", 60);
        JsonWebToken first = cache.verified(t, this::verify);
        now.addAndGet(30_000);
        assertSame(first, cache.verified(t, this::verify));
        assertEquals(1, calls.get());
        assertEquals(1, cache.verifications());
    }

    @Test
    void anotherTokenString_evenWithTheSameClaims_isVerifiedAgain() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofMinutes(5), now::get);
        long exp = now.get() / 1000 + 60;
        cache.verified("header.claims.sigA.exp=" + exp, this::verify);
        assertThrows(Exception.class, () -> cache.verified("header.claims.sigB.exp=" + exp, tok -> {
            calls.incrementAndGet();
            throw new Exception("bad signature");
        }));
        assertEquals(2, calls.get());
    }

    @Test
    void aCachedTokenPastItsExpIsVerifiedAgainAndRefused() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofMinutes(5), now::get);
        String t = token("a", 10);
        cache.verified(t, this::verify);
        now.addAndGet(10_000);
        assertThrows(Exception.class, () -> cache.verified(t, this::verify));
        assertEquals(2, calls.get());
    }

    @Test
    void noVerificationIsTrustedLongerThanMaxAge() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100, Duration.ofSeconds(60), now::get);
        String t = token("a", 1800);
        cache.verified(t, this::verify);
        now.addAndGet(59_000);
        cache.verified(t, this::verify);
        assertEquals(1, calls.get());
        now.addAndGet(1_000);
        cache.verified(t, this::verify);
        assertEquals(2, calls.get());
    }

    @Test
    void theCacheIsBounded() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofMinutes(5), now::get);
        for (int i = 0; i < 100; i++) {
            cache.verified(token("t" + i, 600), this::verify);
        }
        assertEquals(10, cache.size());
    }

    @Test
    void aTokenWithoutExpIsNotCached() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(10, Duration.ofMinutes(5), now::get);
        cache.verified("x", t -> jwt(0));
        cache.verified("x", t -> jwt(0));
        assertEquals(0, cache.size());
        assertEquals(2, cache.verifications());
    }

    static JsonWebToken jwt(long exp) {
        Map<String, Object> claims = Map.of("exp", exp);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "test";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
