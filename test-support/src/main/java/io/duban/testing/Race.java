package io.duban.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Starts calls at the same instant on their own threads, for tests of what concurrent requests leave behind. */
public final class Race {

    private Race() {
    }

    /** Runs every call at once (released together by one latch) and returns their results in the calls' order. */
    public static <T> List<T> run(List<Supplier<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> runs = new ArrayList<>();
            for (Supplier<T> call : calls) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return call.get();
                }, pool));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> r : runs) {
                results.add(r.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** The same call {@code n} times at once. */
    public static <T> List<T> run(int n, Supplier<T> call) throws Exception {
        return run(Collections.nCopies(n, call));
    }
}
