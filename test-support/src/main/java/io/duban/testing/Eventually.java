package io.duban.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something that settles on its own, e.g. an audit chain sealed below PostgreSQL's commit horizon: that
 * horizon is the oldest transaction open anywhere in the cluster, so on a machine where other work runs it can stand
 * still for a moment. Not a timing assertion: the condition is what the test asserts afterwards.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Evaluates {@code settled} until it holds or {@code within} has passed; whether it held. */
    public static boolean until(BooleanSupplier settled, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            if (settled.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
