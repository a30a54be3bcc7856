package io.duban.report.obligation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObligationStatusTest {

    @ParameterizedTest(name = "due {0}, completed {1}, as of {2} (soon until {3}) → {4}")
    @CsvSource({
            "2023-09-06, , 2023-09-01, 2023-09-05, OPEN",
            "2023-09-06, , 2023-09-06, 2023-09-10, DUE_SOON",
            "2023-09-06, , 2023-09-07, 2023-09-11, OVERDUE",
            "2023-09-06, 2023-09-06, 2023-09-30, 2023-10-08, DONE_ON_TIME",
            "2023-09-06, 2023-09-07, 2023-09-30, 2023-10-08, DONE_LATE",
            // a completion after the day asked about is not known yet on that day
            "2023-09-06, 2023-09-07, 2023-09-06, 2023-09-10, DUE_SOON",
            "2023-09-06, 2023-09-08, 2023-09-07, 2023-09-11, OVERDUE",
    })
    void judgesAsOfADay(LocalDate due, LocalDate completed, LocalDate asOf, LocalDate soonLimit, ObligationStatus expected) {
        assertEquals(expected, ObligationStatus.of(due, completed, asOf, soonLimit));
    }
}
