package io.duban.org.auth;

import io.duban.org.credential.AuthConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in attempts per client address in a fixed window, in memory: each replica counts on its own, so with N
 * replicas behind a balancer an address gets up to N times the limit. The per-account lock-out (in the database)
 * is what stops guessing one account's password; this limit slows spraying many accounts from one address.
 */
@ApplicationScoped
public class SignInRateLimiter {

    private record Window(long startNanos, int count) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    AuthConfig config;

    /** Counts an attempt; when over the limit, how long until the address may try again. */
    public Optional<Duration> attempt(String address) {
        long now = System.nanoTime();
        long window = config.rateLimitWindow().toNanos();
        Window w = windows.compute(address == null ? "?" : address, (k, old) ->
                old == null || now - old.startNanos >= window ? new Window(now, 1) : new Window(old.startNanos, old.count + 1));
        if (w.count <= config.rateLimitAttempts()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, window - (now - w.startNanos))).plusSeconds(1));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        long now = System.nanoTime();
        long window = config.rateLimitWindow().toNanos();
        windows.entrySet().removeIf(e -> now - e.getValue().startNanos >= window);
    }
}
