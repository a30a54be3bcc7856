package io.duban.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 0.2);

    @ParameterizedTest(name = "attempt {0} → {1} s")
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 480", "6, 600", "7, 600", "40, 600"})
    void doublesUpToTheCap(int attempt, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), backoff.base(attempt));
    }

    @Test
    void jitterOnlyShortensAndStaysWithinItsShare() {
        for (int attempt = 1; attempt < 12; attempt++) {
            long base = backoff.base(attempt).toMillis();
            assertEquals(base, backoff.delay(attempt, 0.0).toMillis());
            for (double r = 0; r < 1; r += 0.01) {
                long d = backoff.delay(attempt, r).toMillis();
                assertTrue(d <= base && d >= Math.round(base * 0.8), attempt + " " + r + " " + d);
            }
        }
    }

    @Test
    void zeroDelaysForTests() {
        assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ZERO, 0.5).delay(3, 0.7));
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5));
    }
}
