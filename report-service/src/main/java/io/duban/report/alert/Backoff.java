package io.duban.report.alert;

import java.time.Duration;

/**
 * Delay before retry number {@code attempt} (1 = after the first failure): {@code initial · 2^(attempt-1)}
 * capped at {@code max}, then shortened by a random share of up to {@code jitter} so receivers that
 * came back are not hit by every replica's retries at once.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("backoff needs 0 ≤ initial ≤ max and jitter in [0, 1]");
        }
    }

    /** The undisturbed delay: exponential, capped. */
    public Duration base(int attempt) {
        long ms = initial.toMillis();
        for (int i = 1; i < attempt && ms < max.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }

    /** The delay with jitter; {@code random} in [0, 1) gives a value in ((1 - jitter) · base, base]. */
    public Duration delay(int attempt, double random) {
        long base = base(attempt).toMillis();
        return Duration.ofMillis(Math.round(base * (1 - jitter * random)));
    }
}
