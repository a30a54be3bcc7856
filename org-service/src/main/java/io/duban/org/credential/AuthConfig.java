package io.duban.org.credential;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in settings; each can be set by environment variable (DUBAN_AUTH_LOCK_DURATION=PT15M …). */
@ConfigMapping(prefix = "duban.auth")
public interface AuthConfig {

    /** PEM (PKCS#8) RSA private key that signs access tokens: a file path or a class-path resource. */
    String privateKeyLocation();

    /** The kid of the signing key; by default the first 16 characters of base64url(SHA-256(public key DER)). */
    Optional<String> keyId();

    /** The iss claim. */
    @WithDefault("duban")
    String issuer();

    /** Lifetime of an access token. */
    @WithDefault("PT30M")
    Duration accessTokenTtl();

    /** Idle session timeout: a refresh token not used within it expires. */
    @WithDefault("PT30M")
    Duration idleTimeout();

    /** Absolute session limit from sign-in, however active. */
    @WithDefault("PT12H")
    Duration sessionMax();

    /** Consecutive failed sign-ins that lock an account. */
    @WithDefault("5")
    int maxFailures();

    /** How long a lock lasts. */
    @WithDefault("PT15M")
    Duration lockDuration();

    /** Sign-in attempts (login and client-credentials) one client address may make per window. */
    @WithDefault("20")
    int rateLimitAttempts();

    /** The rate limit's window. */
    @WithDefault("PT1M")
    Duration rateLimitWindow();

    /** bcrypt cost (log2 rounds). */
    @WithDefault("10")
    int bcryptCost();

    /** Before issue 16: base64 of the AES key that sealed TOTP seeds (by default derived from the signing key); now
     * only to open such seeds once, when they are re-sealed under DUBAN_SECRETS_KEY at start-up. */
    Optional<String> totpSeedKey();

    /** The issuer shown in authenticator apps. */
    @WithDefault("duban 督办")
    String totpIssuer();
}
