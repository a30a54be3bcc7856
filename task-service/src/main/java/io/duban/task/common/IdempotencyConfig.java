package io.duban.task.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long Idempotency-Keys are remembered. */
@ConfigMapping(prefix = "duban.idempotency")
public interface IdempotencyConfig {

    /** A key older than this is forgotten; a reuse after it is a new request (DUBAN_IDEMPOTENCY_RETENTION). */
    @WithDefault("P7D")
    Duration retention();

    /** How often forgotten keys are purged (also read by the scheduler as {@code duban.idempotency.purge-interval}). */
    @WithDefault("1h")
    String purgeInterval();
}
