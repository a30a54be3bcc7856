package io.duban.report.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.duban.report.common.SingleFlight;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dashboards already computed, per (region, plan filter, asOf, trendYear) and the region's {@link DataVersions data version}:
 * the dashboard's nine aggregates judge every obligation of the region, and a wall screen or sixteen supervisors ask
 * for the same answer until something is written. The version is read first, so an answer computed while a write
 * commits is kept under the older version and never served for the newer one. Bounded; old versions age out.
 * Concurrent misses of one key share one computation: after a write, sixteen screens asking at once cost one
 * dashboard, not sixteen (which would queue 16 × 11 statements on the pool).
 */
@ApplicationScoped
public class DashboardCache {

    /** A dashboard and the data version it was computed at (its ETag). */
    public record Versioned(Dashboard dashboard, long version) {
    }

    private record Key(String region, UUID planId, LocalDate asOf, Integer trendYear, long version) {
    }

    @Inject
    DashboardService service;

    @Inject
    DataVersions versions;

    @ConfigProperty(name = "duban.dashboard.cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "duban.dashboard.cache.max-size", defaultValue = "1000")
    long maxSize;

    private Cache<Key, Dashboard> cache;
    private final LongAdder computations = new LongAdder();
    private final SingleFlight<Key, Dashboard> flights = new SingleFlight<>();

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    /** The region's current data version (cheap: one primary-key read). */
    public Uni<Long> version(String region) {
        return versions.of(region);
    }

    /**
     * The dashboard at {@code version} (read by {@link #version} before): cached, or computed and kept.
     * {@code trendYear} null: the plans' year (DashboardService#planYear), which a write of a plan moves with the version.
     */
    public Uni<Versioned> dashboard(String region, UUID planId, LocalDate asOf, Integer trendYear, long version) {
        Key key = new Key(region, planId, asOf, trendYear, version);
        if (!enabled) {
            computations.increment();
            return service.dashboard(region, planId, asOf, trendYear).map(d -> new Versioned(d, version));
        }
        return flights.get(key, cache::getIfPresent, k -> {
            computations.increment();
            return service.dashboard(k.region(), k.planId(), k.asOf(), k.trendYear());
        }, cache::put).map(d -> new Versioned(d, version));
    }

    /** How many dashboards were computed rather than served from the cache (tests, metrics). */
    public long computations() {
        return computations.sum();
    }
}
