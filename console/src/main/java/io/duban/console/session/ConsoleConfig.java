package io.duban.console.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The console's own settings (environment: DUBAN_CONSOLE_*). */
@ConfigMapping(prefix = "duban.console")
public interface ConsoleConfig {

    /** Base64 of a 32-byte AES key that encrypts the session cookie; empty → a random key per process (sign-ins do not survive a restart). */
    Optional<String> sessionKey();

    /** A session unused this long ends; the next request goes to the login page (GB/T 22239: 30 min). */
    @WithDefault("30M")
    Duration idleTimeout();

    /** Mark cookies Secure (set when the console is served over https). */
    @WithDefault("false")
    boolean secureCookie();

    /**
     * Where calendar clients reach report-service's {@code calendar.ics} (the unit's subscription link is this plus the
     * path report-service gives); the services' public address, not necessarily the console's internal one.
     */
    @WithDefault("http://127.0.0.1:8083")
    String calendarBaseUrl();

    /** How long one call to a service may take before the page gives up on it. */
    @WithDefault("20S")
    Duration callTimeout();

    /**
     * A TSV file of administrative division names ({@code code<TAB>name}, GB/T 2260) that adds to and overrides the
     * bundled table (regions.tsv) the province view names counties from.
     */
    Optional<String> regionNames();
}
