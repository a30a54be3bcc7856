package io.duban.report.province;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.duban.report.dashboard.DataVersions;
import io.duban.report.common.SingleFlight;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Province and prefecture summaries already computed, per (code prefix, asOf) and the sum of the covered regions'
 * data versions (which grows on any write in any of them): the summary counts every open overdue obligation of up to
 * 136 counties (2M obligations in the bench), ~0.3 s, while the answer changes only when one of them is written.
 */
@ApplicationScoped
public class OverdueSummaryCache {

    private record Key(String prefix, LocalDate asOf, long version) {
    }

    @Inject
    ProvinceQueries queries;

    @Inject
    DataVersions versions;

    @ConfigProperty(name = "duban.dashboard.cache.enabled", defaultValue = "true")
    boolean enabled;

    private Cache<Key, OverdueSummary> cache;
    private final LongAdder computations = new LongAdder();
    private final SingleFlight<Key, OverdueSummary> flights = new SingleFlight<>();

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumSize(200).expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    /** A summary and the covered regions' data version it was computed at (its ETag's). */
    public record Versioned(OverdueSummary summary, long version) {
    }

    /** The covered regions' data version (one indexed read), for a conditional GET before any computation. */
    public Uni<Long> version(String prefix) {
        return versions.ofPrefix(prefix);
    }

    /**
     * The summary at {@code version} (read by {@link #version} before): cached, or computed and kept; concurrent misses
     * of one key share one computation (after a write, every open province page asks at once).
     */
    public Uni<Versioned> overdue(String prefix, LocalDate asOf, long version) {
        if (!enabled) {
            computations.increment();
            return queries.overdue(prefix, asOf).map(s -> new Versioned(s, version));
        }
        return flights.get(new Key(prefix, asOf, version), cache::getIfPresent, k -> {
            computations.increment();
            return queries.overdue(k.prefix(), k.asOf());
        }, cache::put).map(s -> new Versioned(s, version));
    }

    /** How many summaries were computed rather than served from the cache (tests). */
    public long computations() {
        return computations.sum();
    }
}
