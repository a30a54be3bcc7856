package io.duban.org.credential;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Supplier;

/**
 * Runs CPU-heavy work (bcrypt) on the worker pool and hands the result back on the caller's Vert.x context, where
 * Hibernate Reactive expects the rest of the chain to run.
 */
public final class Worker {

    private Worker() {
    }

    public static <T> Uni<T> run(Supplier<T> work) {
        io.vertx.core.Context ctx = io.vertx.core.Vertx.currentContext();
        Uni<T> u = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return ctx == null ? u : u.emitOn(r -> ctx.runOnContext(v -> r.run()));
    }
}
