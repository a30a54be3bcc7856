package io.duban.console.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates typed the ways people in a county type them read as the day they name; anything else names none. */
class DatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2023-12-31|2023-12-31", "2023/12/31|2023-12-31", "2023.12.31|2023-12-31", "2023年12月31日|2023-12-31",
            "2023年1月5日|2023-01-05", "2023-1-5|2023-01-05", " 2023 年 9 月 6 日 |2023-09-06", "20230906|2023-09-06",
            "2024年2月29日|2024-02-29"})
    void readsTheDayTyped(String typed, String day) {
        assertEquals(Optional.of(LocalDate.parse(day)), Dates.parse(typed));
        assertEquals(day, Dates.iso(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12/31/2023", "2023年2月30日", "2023-13-01", "明天", "2023年12月底", "202312"})
    void namesNoDayOtherwiseAndLeavesTheTextForTheServiceToExplain(String typed) {
        assertEquals(Optional.empty(), Dates.parse(typed));
        assertEquals(typed.strip(), Dates.iso(typed));
    }

    @org.junit.jupiter.api.Test
    void blankIsNone() {
        assertEquals(null, Dates.iso("  "));
        assertEquals(Optional.empty(), Dates.parse(null));
    }
}
