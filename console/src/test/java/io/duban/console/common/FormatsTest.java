package io.duban.console.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({"0.4741, 47.41%", "0.47414, 47.41%", "0.474151, 47.42%", "1.0, 100.00%", "0, 0.00%", "0.5, 50.00%"})
    void ratesAreShownAsPercentagesWithTwoDecimals(double rate, String shown) {
        assertEquals(shown, Formats.pct(rate));
    }

    @org.junit.jupiter.api.Test
    void noRateIsADash() {
        assertEquals("—", Formats.pct(null));
    }
}
