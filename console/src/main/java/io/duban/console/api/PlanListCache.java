package io.duban.console.api;

import io.duban.console.api.TaskModels.Plan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dashboard's plan filter lists a region's plans, which change a few times a year: each console process keeps the
 * list per region for {@link #TTL} instead of asking task-service on every dashboard (and every wall-screen refresh).
 * Only region-wide readers (supervisor, viewer) see it, and they all see the same list. A plan created through this
 * console clears its region at once; one created elsewhere shows in the filter within the TTL (the 任务 page itself
 * always asks task-service).
 */
@ApplicationScoped
public class PlanListCache {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(List<Plan> plans, long expiresAt) {
    }

    private final Map<String, Entry> byRegion = new ConcurrentHashMap<>();

    /** The region's plans from memory while fresh, else from {@code load} (with the asking person's token). */
    public Uni<List<Plan>> get(String region, Supplier<Uni<List<Plan>>> load) {
        long now = System.nanoTime();
        Entry e = byRegion.get(region);
        if (e != null && now - e.expiresAt() < 0) {
            return Uni.createFrom().item(e.plans());
        }
        // failures are not kept: the next page asks again
        return load.get().invoke(plans -> byRegion.put(region, new Entry(List.copyOf(plans), now + TTL.toNanos())));
    }

    public void forget(String region) {
        byRegion.remove(region);
    }
}
