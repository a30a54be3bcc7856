package io.duban.task.orgclient;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How task-service calls org-service (the URL is the REST client's, {@code quarkus.rest-client.org.url}). */
@ConfigMapping(prefix = "duban.org")
public interface OrgConfig {

    /** How long one call to org-service may take before it counts as failed (DUBAN_ORG_TIMEOUT). */
    @WithDefault("PT10S")
    Duration timeout();

    /** How many times a transient failure of an idempotent read is retried. */
    @WithDefault("2")
    int retries();
}
