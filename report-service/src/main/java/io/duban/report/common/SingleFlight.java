package io.duban.report.common;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Concurrent misses of one key share one computation: a cached answer that is expensive to compute (a dashboard, the
 * province summary) is asked for by every open screen at once right after a write, and without this each of them would
 * compute it. A computation is memoized — it runs once whoever subscribes — keeps its answer, and only then leaves the
 * in-flight map, so a caller either joins it or finds the kept answer; a failure leaves the map too (the next asks again).
 */
public final class SingleFlight<K, V> {

    private final ConcurrentMap<K, Uni<V>> inFlight = new ConcurrentHashMap<>();

    /**
     * The value for {@code key}: the kept one ({@code kept} answers non-null), the computation in flight for it, or a
     * new computation by {@code compute} whose result is given to {@code keep} before it leaves the map.
     */
    public Uni<V> get(K key, Function<K, V> kept, Function<K, Uni<V>> compute, BiConsumer<K, V> keep) {
        V hit = kept.apply(key);
        if (hit != null) {
            return Uni.createFrom().item(hit);
        }
        Uni<V> shared = inFlight.computeIfAbsent(key, k -> kept.apply(k) != null ? null : start(k, compute, keep));
        if (shared == null) {
            // the computation ended between the first look and now: it kept its answer before leaving the map
            V late = kept.apply(key);
            shared = late != null ? Uni.createFrom().item(late) : inFlight.computeIfAbsent(key, k -> start(k, compute, keep));
        }
        return shared;
    }

    private Uni<V> start(K k, Function<K, Uni<V>> compute, BiConsumer<K, V> keep) {
        return compute.apply(k)
                .invoke(v -> keep.accept(k, v))
                // a block, not an expression: remove() returns this very Uni, which eventually(Supplier) would wait for
                .eventually(() -> {
                    inFlight.remove(k);
                })
                .memoize().indefinitely();
    }
}
