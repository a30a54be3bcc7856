package io.duban.deadlines.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, the parser answers with a rule (maybe Unparsed) and never throws. */
class DeadlineParserFuzzTest {

    private static final PlanContext CTX = new PlanContext(2023, LocalDate.of(2023, 8, 9));

    @Provide
    Arbitrary<String> anyUnicode() {
        return Arbitraries.strings().all().ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> deadlineish() {
        // Fragments of real cells shuffled together reach deep into the grammar.
        return Arbitraries.of("2023", "年", "月", "日", "底", "前", "内", "之日起", "后的", "个工作日", "小时", "周",
                        "每", "按", "季度", "至少", "一次", "二十", "两", "十", "0", "99999", "信息形成", "本方案发布",
                        "办理完结", "决策文件出台", "，", ",", " ", "\u3000", "\u0000", "\u200b", "长期坚持", "及时", "\uD83D\uDE00")
                .list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    @Property(tries = 500)
    void randomUnicodeNeverThrows(@ForAll("anyUnicode") String text) {
        DeadlineRule rule = DeadlineParser.read(text, CTX);
        assertNotNull(rule);
        assertNotNull(rule.describe());
        assertEquals(rule, DeadlineRules.fromJson(DeadlineRules.toJson(rule)));
    }

    @Property(tries = 1500)
    void shuffledFragmentsNeverThrow(@ForAll("deadlineish") String text) {
        DeadlineRule rule = DeadlineParser.read(text, CTX);
        assertNotNull(rule);
        assertNotNull(rule.describe());
        assertEquals(rule, DeadlineRules.fromJson(DeadlineRules.toJson(rule)));
    }

    @Example
    void hugeAndHostileStringsReturnQuickly() {
        String[] texts = {
                "年".repeat(100_000),
                "2023年12月底前" + "\u0000".repeat(100_000),
                "信息形成或变更之日起".repeat(99) + "1",
                "后".repeat(999) + "1",
                "起".repeat(500) + "后".repeat(499),
                "\uD800".repeat(1000),
        };
        for (String text : texts) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertNotNull(text.length() <= DeadlineParser.MAX_LENGTH
                    ? DeadlineParser.read(text, CTX) : DeadlineParser.parse(text, CTX)));
        }
    }
}
