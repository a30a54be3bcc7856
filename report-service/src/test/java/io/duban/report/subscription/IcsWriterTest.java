package io.duban.report.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IcsWriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a;b|a\\;b", "a,b|a\\,b", "a\\b|a\\\\b"})
    void textValuesAreEscaped(String raw, String escaped) {
        assertEquals(escaped, IcsWriter.text(raw));
        assertEquals("x\\ny", IcsWriter.text("x\ny"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUMMARY:第17项 按照《条例》要求在政府门户网站集中发布本单位政策文件并做好解读回应关切工作进展",
            "DESCRIPTION:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "SUMMARY:😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"})
    void linesFoldAt75OctetsWithoutSplittingACharacter(String content) {
        StringBuilder out = new StringBuilder();
        IcsWriter.line(out, content);
        String s = out.toString();
        assertTrue(s.endsWith("\r\n"));
        for (String physical : s.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
        }
        assertEquals(content, s.replace("\r\n ", "").replace("\r\n", ""));
    }
}
