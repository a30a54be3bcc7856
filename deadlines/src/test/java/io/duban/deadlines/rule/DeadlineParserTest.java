package io.duban.deadlines.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeadlineParserTest {

    static final PlanContext PLAN_2023 = new PlanContext(2023, LocalDate.of(2023, 8, 9));

    private static String json(String text) {
        return DeadlineRules.toJson(DeadlineParser.parse(text, PLAN_2023));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2023年12月底前                              | {"kind":"FIXED","date":"2023-12-31"}
            2023 年年底前完成                           | {"kind":"FIXED","date":"2023-12-31"}
            2023年年底 前完成                           | {"kind":"FIXED","date":"2023-12-31"}
            2023年年底前完成                            | {"kind":"FIXED","date":"2023-12-31"}
            2023年10月底前对今年以来所发布政府信息全面规范 | {"kind":"FIXED","date":"2023-10-31"}
            2023 年 10 月底前对今年以来所发布政府信息全面规范 | {"kind":"FIXED","date":"2023-10-31"}
            2023年10月底前对2016年以来所发布政府文件全面规范 | {"kind":"FIXED","date":"2023-10-31"}
            7月底前                                     | {"kind":"FIXED","date":"2023-07-31"}
            8月16日前                                   | {"kind":"FIXED","date":"2023-08-16"}
            2018年12月底                                | {"kind":"FIXED","date":"2018-12-31"}
            2023年6月底前                               | {"kind":"FIXED","date":"2023-06-30"}
            信息形成或变更之日起 20 个工作日内公开        | {"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":20,"unit":"WORKDAY"}}
            信息形成或变更之日起20个工作日内公开          | {"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":20,"unit":"WORKDAY"}}
            决策文件出台后的10个工作日内                 | {"kind":"RELATIVE","trigger":"DECISION_ISSUED","period":{"amount":10,"unit":"WORKDAY"}}
            本方案发布之日起 20 个工作日内及时动态更新本单位主动公开基本目录 | {"kind":"RELATIVE","trigger":"PLAN_ISSUED","period":{"amount":20,"unit":"WORKDAY"}}
            政策性文件发布后，3个工作日内关联发布解读材料  | {"kind":"RELATIVE","trigger":"POLICY_PUBLISHED","period":{"amount":3,"unit":"WORKDAY"}}
            办理完结后3日内                             | {"kind":"RELATIVE","trigger":"CASE_CLOSED","period":{"amount":3,"unit":"DAY"}}
            长期坚持                                    | {"kind":"ONGOING"}
            及时公开                                    | {"kind":"ASAP"}
            按月公开                                    | {"kind":"RECURRING","frequency":"MONTHLY","interval":1}
            按季度公开                                  | {"kind":"RECURRING","frequency":"QUARTERLY","interval":1}
            每年1月31日前                               | {"kind":"RECURRING","frequency":"YEARLY","interval":1,"dueMonth":1,"dueDay":31}
            至少2周内更新一次                            | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":2}
            5个小时内                                   | {"kind":"RELATIVE","trigger":"EVENT","period":{"amount":5,"unit":"HOUR"}}
            48小时内                                    | {"kind":"RELATIVE","trigger":"EVENT","period":{"amount":48,"unit":"HOUR"}}
            2023-12-31                                  | {"kind":"FIXED","date":"2023-12-31"}
            2023/12/31                                  | {"kind":"FIXED","date":"2023-12-31"}
            2023/6/5前                                  | {"kind":"FIXED","date":"2023-06-05"}
            2023.10.31                                  | {"kind":"FIXED","date":"2023-10-31"}
            2018 年 11 月底前                           | {"kind":"FIXED","date":"2018-11-30"}
            至少每隔2年清理一次                          | {"kind":"RECURRING","frequency":"YEARLY","interval":2}
            每3年                                       | {"kind":"RECURRING","frequency":"YEARLY","interval":3}
            """)
    void issueForms(String text, String expectedJson) {
        assertEquals(expectedJson, json(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ２０２３年１２月底前                         | {"kind":"FIXED","date":"2023-12-31"}
            2023年年末前完成                            | {"kind":"FIXED","date":"2023-12-31"}
            2023年底前                                  | {"kind":"FIXED","date":"2023-12-31"}
            年底前完成                                  | {"kind":"FIXED","date":"2023-12-31"}
            今年年底前                                  | {"kind":"FIXED","date":"2023-12-31"}
            2023年内完成                                | {"kind":"FIXED","date":"2023-12-31"}
            于2023年11月30日前完成                       | {"kind":"FIXED","date":"2023-11-30"}
            2024年2月底前                               | {"kind":"FIXED","date":"2024-02-29"}
            九月底前                                    | {"kind":"FIXED","date":"2023-09-30"}
            二〇二三年十二月底前                          | {"kind":"FIXED","date":"2023-12-31"}
            9月20号前                                   | {"kind":"FIXED","date":"2023-09-20"}
            第三季度末前                                 | {"kind":"FIXED","date":"2023-09-30"}
            2023年上半年                                | {"kind":"FIXED","date":"2023-06-30"}
            信息形成或变更之日起二十个工作日内公开         | {"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":20,"unit":"WORKDAY"}}
            信息形成或变更之日起　２０　个工作日内公开      | {"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":20,"unit":"WORKDAY"}}
            自信息形成之日起15个工作日内                   | {"kind":"RELATIVE","trigger":"INFO_CHANGED","period":{"amount":15,"unit":"WORKDAY"}}
            办结后7天内                                 | {"kind":"RELATIVE","trigger":"CASE_CLOSED","period":{"amount":7,"unit":"DAY"}}
            政策文件印发后3个工作日内                      | {"kind":"RELATIVE","trigger":"POLICY_PUBLISHED","period":{"amount":3,"unit":"WORKDAY"}}
            本方案印发之日起1个月内                        | {"kind":"RELATIVE","trigger":"PLAN_ISSUED","period":{"amount":1,"unit":"MONTH"}}
            办理完结后2周内                              | {"kind":"RELATIVE","trigger":"CASE_CLOSED","period":{"amount":14,"unit":"DAY"}}
            两个工作日内                                 | {"kind":"RELATIVE","trigger":"EVENT","period":{"amount":2,"unit":"WORKDAY"}}
            在20个工作日内完成                            | {"kind":"RELATIVE","trigger":"EVENT","period":{"amount":20,"unit":"WORKDAY"}}
            截至2023年11月30日前                          | {"kind":"FIXED","date":"2023-11-30"}
            24 小时内                                   | {"kind":"RELATIVE","trigger":"EVENT","period":{"amount":24,"unit":"HOUR"}}
            每月10日前                                  | {"kind":"RECURRING","frequency":"MONTHLY","interval":1,"dueDay":10}
            每季度公开                                  | {"kind":"RECURRING","frequency":"QUARTERLY","interval":1}
            每半年更新一次                               | {"kind":"RECURRING","frequency":"MONTHLY","interval":6}
            每年3月底前                                 | {"kind":"RECURRING","frequency":"YEARLY","interval":1,"dueMonth":3,"dueDay":31}
            至少2周更新一次                              | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":2}
            至少每2周更新一次                            | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":2}
            每两周更新一次                               | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":2}
            每周更新                                    | {"kind":"RECURRING","frequency":"EVERY_N_WEEKS","interval":1}
            长期                                        | {"kind":"ONGOING"}
            持续推进                                    | {"kind":"ONGOING"}
            及时                                        | {"kind":"ASAP"}
            第一时间公开                                 | {"kind":"ASAP"}
            """)
    void sensibleVariants(String text, String expectedJson) {
        assertEquals(expectedJson, json(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            收到申请之日起15个工作日内答复               | 未能识别触发事件“收到申请”
            2023年6月底前完成初稿，12月底前完成定稿        | 包含多个时限，需人工确认
            2023年2月30日前                             | 日期不存在：2023年2月30日
            2023年13月底前                              | 月份不存在：13月
            10月中旬前                                  | 只写了月份（10月），无法确定具体截止日
            根据工作需要                                 | 无法识别的时限要求
            统一部署后3个工作日内                         | 未能识别触发事件“统一部署”
            20个工作日                                  | 无法识别的时限要求
            信息形成之日起0个工作日内                    | 期限不合理：0个工作日
            信息形成之日起5000个工作日内                 | 期限不合理：5000个工作日
            每天                                        | 不支持按日重复的时限
            3000年12月底前                              | 年份不合理：3000
            """)
    void unreadableTextIsUnparsedWithAReason(String text, String reason) {
        DeadlineRule rule = DeadlineParser.parse(text, PLAN_2023);
        assertEquals(new DeadlineRule.Unparsed(text, reason), rule);
    }

    @Test
    void blankAndNullAreUnparsed() {
        assertEquals(new DeadlineRule.Unparsed("", "时限要求为空"), DeadlineParser.parse(null, PLAN_2023));
        assertEquals(new DeadlineRule.Unparsed(" \u3000\t", "时限要求为空"), DeadlineParser.parse(" \u3000\t", PLAN_2023));
    }

    @Test
    void aYearlessDateNeedsThePlansYear() {
        assertEquals(new DeadlineRule.Fixed(LocalDate.of(2024, 7, 31)), DeadlineParser.parse("7月底前", new PlanContext(2024, null)));
        DeadlineRule rule = DeadlineParser.parse("7月底前", null);
        assertInstanceOf(DeadlineRule.Unparsed.class, rule);
        assertEquals(new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)), DeadlineParser.parse("2023年年底前完成", null));
    }

    @Test
    void overlongTextIsUnparsedAndTruncated() {
        String text = "2023年12月底前" + "很".repeat(2000);
        DeadlineRule.Unparsed rule = (DeadlineRule.Unparsed) DeadlineParser.parse(text, PLAN_2023);
        assertEquals(DeadlineParser.MAX_LENGTH, rule.text().length());
        assertTrue(rule.reason().contains("过长"));
    }

    /** Every non-blank 时限要求 cell of the real 2023 沂源县 table (column 6), with what it must mean. */
    static Stream<Arguments> yiyuanCells() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("信息形成或变更之日起 20 个工作日内公开", "{\"kind\":\"RELATIVE\",\"trigger\":\"INFO_CHANGED\",\"period\":{\"amount\":20,\"unit\":\"WORKDAY\"}}");
        expected.put("信息形成或变更之日起20个工作日内公开", "{\"kind\":\"RELATIVE\",\"trigger\":\"INFO_CHANGED\",\"period\":{\"amount\":20,\"unit\":\"WORKDAY\"}}");
        expected.put("2023 年年底前完成", "{\"kind\":\"FIXED\",\"date\":\"2023-12-31\"}");
        expected.put("2023年年底前完成", "{\"kind\":\"FIXED\",\"date\":\"2023-12-31\"}");
        expected.put("及时公开", "{\"kind\":\"ASAP\"}");
        expected.put("2023 年 10 月底前对今年以来所发布政府信息全面规范", "{\"kind\":\"FIXED\",\"date\":\"2023-10-31\"}");
        expected.put("本方案发布之日起 20 个工作日内及时动态更新本单位主动公开基本目录", "{\"kind\":\"RELATIVE\",\"trigger\":\"PLAN_ISSUED\",\"period\":{\"amount\":20,\"unit\":\"WORKDAY\"}}");
        expected.put("2023年10月底前对2016年以来所发布政府文件全面规范", "{\"kind\":\"FIXED\",\"date\":\"2023-10-31\"}");
        expected.put("长期坚持", "{\"kind\":\"ONGOING\"}");
        expected.put("决策文件出台后的10个工作日内", "{\"kind\":\"RELATIVE\",\"trigger\":\"DECISION_ISSUED\",\"period\":{\"amount\":10,\"unit\":\"WORKDAY\"}}");
        List<Arguments> cases = new ArrayList<>();
        for (String cell : yiyuanDeadlineCells()) {
            cases.add(Arguments.of(cell, expected.get(cell)));
        }
        return cases.stream();
    }

    static List<String> yiyuanDeadlineCells() {
        try (InputStream in = DeadlineParserTest.class.getResourceAsStream("/yiyuan-2023-key-tasks.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String> cells = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split("\t", -1);
                if (cols.length > 5 && !cols[5].isBlank()) {
                    cells.add(cols[5]);
                }
            }
            return cells;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theFixtureHasItsKnown45NonBlankCells() {
        assertEquals(45, yiyuanDeadlineCells().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yiyuanCells")
    void everyYiyuanCellIsRead(String cell, String expectedJson) {
        assertEquals(expectedJson, json(cell), "cell not in the expected table or read wrongly: " + cell);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2023年12月底前                   | 2023年12月31日前
            信息形成或变更之日起 20 个工作日内公开 | 信息形成或变更之日起20个工作日内
            办理完结后3日内                   | 办理完结之日起3日内
            48小时内                         | 事件发生后48小时内
            按月公开                         | 按月
            每月10日前                       | 按月（10日前）
            按季度公开                       | 按季度
            每年1月31日前                    | 每年1月31日前
            至少2周内更新一次                 | 至少每2周一次
            长期坚持                         | 长期坚持
            及时公开                         | 及时
            看情况                           | 未能识别：看情况
            """)
    void describeInChinese(String text, String description) {
        assertEquals(description, DeadlineParser.parse(text, PLAN_2023).describe());
    }

    @Test
    void chineseNumerals() {
        assertEquals(20, DeadlineParser.number("二十"));
        assertEquals(2, DeadlineParser.number("两"));
        assertEquals(15, DeadlineParser.number("十五"));
        assertEquals(120, DeadlineParser.number("一百二十"));
        assertEquals(2023, DeadlineParser.number("二〇二三"));
        assertEquals(-1, DeadlineParser.number("十十"));
        assertFalse(DeadlineParser.number("二十五") != 25);
    }

    @Test
    void numericDatesThatDoNotExistAreUnparsedNotGuessed() {
        assertInstanceOf(DeadlineRule.Unparsed.class, DeadlineParser.parse("2023-02-30", PLAN_2023));
        assertInstanceOf(DeadlineRule.Unparsed.class, DeadlineParser.parse("2023/13/01", PLAN_2023));
        assertInstanceOf(DeadlineRule.Unparsed.class, DeadlineParser.parse("2023-12/31", PLAN_2023));
    }
}
