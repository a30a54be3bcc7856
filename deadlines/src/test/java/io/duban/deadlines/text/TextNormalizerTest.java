package io.duban.deadlines.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one normalisation of the tables' cells: NFKC, no white space, control or format characters. */
class TextNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // cell as written                       | as every reader sees it
        "2023 年年底 前完成                        | 2023年年底前完成",
        "２０２３年１２月３１日前                  | 2023年12月31日前",
        "县财政局（牵头），县审计局                | 县财政局(牵头),县审计局",
        "县\u200B财政\uFEFF局                     | 县财政局",
        "县\u3000财政局\t                          | 县财政局",
        "源政办字〔2023〕25号                      | 源政办字〔2023〕25号",
        "按月\u0007公开                           | 按月公开"})
    void foldsWidthAndDropsWhatNoReaderCompares(String cell, String normalised) {
        assertEquals(normalised, TextNormalizer.normalize(cell));
    }
}
