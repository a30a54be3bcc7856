package io.duban.task.tableimport;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of a table import. */
@ConfigMapping(prefix = "duban.import")
public interface ImportConfig {

    /** The largest table file accepted, in bytes (DUBAN_IMPORT_MAX_BYTES; 413 beyond). */
    @WithDefault("10485760")
    long maxBytes();
}
