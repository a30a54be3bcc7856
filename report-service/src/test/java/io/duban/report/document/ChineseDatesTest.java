package io.duban.report.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2023-10-09, 二〇二三年十月九日",
            "2023-12-31, 二〇二三年十二月三十一日",
            "2024-01-10, 二〇二四年一月十日",
            "2020-02-20, 二〇二〇年二月二十日",
            "2026-11-23, 二〇二六年十一月二十三日"})
    void writesDatesAsAGovernmentDocumentDoes(LocalDate date, String expected) {
        assertEquals(expected, ChineseDates.format(date));
    }

    @ParameterizedTest
    @CsvSource({"1, 一", "4, 四", "10, 十", "11, 十一", "19, 十九", "20, 二十", "31, 三十一", "99, 九十九"})
    void numbers(int n, String expected) {
        assertEquals(expected, ChineseDates.number(n));
    }

    @org.junit.jupiter.api.Test
    void refusesWhatItCannotWrite() {
        assertThrows(IllegalArgumentException.class, () -> ChineseDates.number(0));
        assertThrows(IllegalArgumentException.class, () -> ChineseDates.number(100));
    }
}
