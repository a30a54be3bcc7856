package io.duban.common.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The audit trail's settings (environment {@code DUBAN_AUDIT_…}). */
@ConfigMapping(prefix = "duban.audit")
public interface AuditConfig {

    /** Whether requests are recorded at all (off only to measure what auditing costs). */
    @WithDefault("true")
    boolean enabled();

    /** How long records are kept; older ones are removed by the daily retention job (at least 180 days in production). */
    @WithDefault("P180D")
    Duration retention();

    /** How often the sealer links new records into their region's chain ("off" in tests that seal by hand). */
    @WithDefault("1s")
    String sealInterval();

    /** Records linked per sealer transaction. */
    @WithDefault("2000")
    int sealBatch();

    /** When the retention job runs (cron, Asia/Shanghai; "off" to disable). */
    @WithDefault("0 20 3 * * ?")
    String retentionCron();
}
