package io.duban.report.province;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.duban.report.dashboard.DataVersions;
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

    @PostConstruct
    void init() {
        cache = Caffeine.newBuilder().maximumSize(200).expireAfterAccess(Duration.ofMinutes(30)).build();
    }

    public Uni<OverdueSummary> overdue(String prefix, LocalDate asOf) {
        if (!enabled) {
            computations.increment();
            return queries.overdue(prefix, asOf);
        }
        return versions.ofPrefix(prefix).chain(version -> {
            Key key = new Key(prefix, asOf, version);
            OverdueSummary hit = cache.getIfPresent(key);
            if (hit != null) {
                return Uni.createFrom().item(hit);
            }
            computations.increment();
            return queries.overdue(prefix, asOf).invoke(s -> cache.put(key, s));
        });
    }

    /** How many summaries were computed rather than served from the cache (tests). */
    public long computations() {
        return computations.sum();
    }
}
