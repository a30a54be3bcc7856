package io.duban.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The parser Quarkus verifies every bearer token with ({@code MpJwtValidator} calls {@link #parse(String)}):
 * smallrye-jwt's own, behind a {@link VerifiedTokenCache}, because checking the RS256 signature was ~15 % of a
 * request's CPU and clients send the same token for 30 minutes. The verification key set is read once at start
 * (a PEM or a JWKS file), so removing a key means a restart, which empties the cache; {@code duban.jwt.cache.max-age}
 * bounds how long a verification is trusted should keys ever be refreshed at run time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    @Inject
    DefaultJWTParser delegate;

    @ConfigProperty(name = "duban.jwt.cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "duban.jwt.cache.max-size", defaultValue = "10000")
    long maxSize;

    @ConfigProperty(name = "duban.jwt.cache.max-age", defaultValue = "PT5M")
    Duration maxAge;

    VerifiedTokenCache cache;

    @PostConstruct
    void init() {
        cache = new VerifiedTokenCache(maxSize, maxAge, System::currentTimeMillis);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return enabled ? cache.verified(token, delegate::parse) : delegate.parse(token);
    }

    /** The cache, for tests and metrics. */
    public VerifiedTokenCache cache() {
        return cache;
    }

    // Every other entry point (explicit keys or context) is used rarely and bypasses the cache.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
