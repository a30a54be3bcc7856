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
        assertEquals("—", Formats.percent(null));
    }

    @ParameterizedTest
    @CsvSource({"66.67, 66.67%", "100, 100.00%", "66.6666, 66.67%", "0, 0.00%", "47.405, 47.41%"})
    void ratesGivenInPercentKeepTwoDecimals(double p, String shown) {
        // task-service's 满意率 comes in percent; a Double 100.0 must not read "100.0%"
        assertEquals(shown, Formats.percent(p));
    }

    @org.junit.jupiter.api.Test
    void instantsReadInBeijingTime() {
        assertEquals("2023-10-09 16:05", Formats.time("2023-10-09T08:05:59.123Z"));
        assertEquals("", Formats.time(null));
    }
}
