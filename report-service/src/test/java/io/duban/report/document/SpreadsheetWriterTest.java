package io.duban.report.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "县商务局|县商务局",
            "a,b|\"a,b\"",
            "他说\"好\"|\"他说\"\"好\"\"\""})
    void quotesFieldsAsRfc4180Says(String raw, String expected) {
        assertEquals(expected, SpreadsheetWriter.quote(raw));
    }

    @Test
    void quotesLineBreaks() {
        assertEquals("\"两行\n文字\"", SpreadsheetWriter.quote("两行\n文字"));
        assertEquals("\"a\r\nb\"", SpreadsheetWriter.quote("a\r\nb"));
    }

    @Test
    void csvStartsWithAByteOrderMarkAndEndsLinesWithCrLf() {
        byte[] csv = SpreadsheetWriter.csv(new SpreadsheetWriter.Table("汇总",
                List.of(new SpreadsheetWriter.Column("单位", 10), new SpreadsheetWriter.Column("得分", 8)),
                List.of(Arrays.asList("县商务局", 99.5), Arrays.asList("县民政局，二", null))));
        assertEquals(0xEF, csv[0] & 0xFF);
        assertEquals(0xBB, csv[1] & 0xFF);
        assertEquals(0xBF, csv[2] & 0xFF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals("\uFEFF单位,得分\r\n县商务局,99.5\r\n县民政局，二,\r\n", text);
        assertTrue(HtmlWriter.escape("<b>&'\"").equals("&lt;b&gt;&amp;&#39;&quot;"));
    }
}
