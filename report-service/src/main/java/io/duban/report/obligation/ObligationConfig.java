package io.duban.report.obligation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How obligations are judged. */
@ConfigMapping(prefix = "duban.obligations")
public interface ObligationConfig {

    /** An open obligation is DUE_SOON when it falls due within this many working days (the due day counts). */
    @WithDefault("3")
    int dueSoonWorkdays();

    /** An open obligation is behind schedule (YELLOW) once more than this share of its window has passed without progress. */
    @WithDefault("0.7")
    double yellowShare();
}
