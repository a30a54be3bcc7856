package io.duban.report.projection;

import io.duban.common.security.SigningKey;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads the change feed with a short-lived {@code system} token the service signs itself
 * (region {@code *}: the follower reads every region). Owns the timeout and turns every remote
 * failure into {@link FeedUnavailable}; retries are the next scheduled run's job.
 */
@ApplicationScoped
public class TaskFeedClient {

    private static final long TOKEN_SECONDS = 300;

    @RestClient
    TaskFeedApi api;

    @Inject
    ProjectionConfig config;

    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "duban")
    String issuer;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    String signingKeyLocation;

    private volatile SigningKey signingKey;

    private volatile String token;
    private volatile Instant tokenRenewAt = Instant.EPOCH;

    public Uni<ChangePage> fetch(String after, int limit) {
        return bearer()
                .chain(auth -> api.changes(after, limit, auth))
                .ifNoItem().after(config.timeout()).failWith(() -> new FeedUnavailable("no answer within " + config.timeout()))
                .onFailure(e -> !(e instanceof FeedUnavailable)).transform(e -> new FeedUnavailable(describe(e)));
    }

    private Uni<String> bearer() {
        if (token != null && Instant.now().isBefore(tokenRenewAt)) {
            return Uni.createFrom().item("Bearer " + token);
        }
        // Signing reads the key file the first time: not on the event loop.
        return Uni.createFrom().item(() -> {
            if (signingKey == null) {
                signingKey = SigningKey.load(signingKeyLocation);
            }
            // the kid lets task-service pick the key while it verifies with two during a key rotation
            String t = Jwt.issuer(issuer).upn("report-service").subject("report-service")
                    .groups(Set.of("system")).claim("region", "*").expiresIn(TOKEN_SECONDS)
                    .jws().keyId(signingKey.kid()).sign(signingKey.privateKey());
            token = t;
            tokenRenewAt = Instant.now().plusSeconds(TOKEN_SECONDS / 2);
            return "Bearer " + t;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 300 ? m.substring(0, 300) : m));
    }

    /** task-service did not answer, or answered with an error. */
    public static class FeedUnavailable extends RuntimeException {
        public FeedUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
