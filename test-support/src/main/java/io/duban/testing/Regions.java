package io.duban.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh 6-digit region codes so that every test sees only its own data in the shared
 * database. Codes start at a random point of 900000–989999 per JVM and count up.
 */
public final class Regions {

    private static final AtomicInteger NEXT = new AtomicInteger(900000 + ThreadLocalRandom.current().nextInt(90000));

    private Regions() {
    }

    public static String fresh() {
        return Integer.toString(NEXT.getAndIncrement());
    }
}
