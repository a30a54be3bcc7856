package io.duban.deadlines.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.deadlines.period.Period;
import io.duban.deadlines.period.PeriodUnit;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact JSON shapes of the task-service ↔ report-service contract, both ways. */
class DeadlineRulesJsonTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)), "{\"kind\":\"FIXED\",\"date\":\"2023-12-31\"}"),
                Arguments.of(new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(20)),
                        "{\"kind\":\"RELATIVE\",\"trigger\":\"INFO_CHANGED\",\"period\":{\"amount\":20,\"unit\":\"WORKDAY\"}}"),
                Arguments.of(new DeadlineRule.Relative(Trigger.CASE_CLOSED, Period.days(3)),
                        "{\"kind\":\"RELATIVE\",\"trigger\":\"CASE_CLOSED\",\"period\":{\"amount\":3,\"unit\":\"DAY\"}}"),
                Arguments.of(new DeadlineRule.Relative(Trigger.PLAN_ISSUED, new Period(1, PeriodUnit.MONTH)),
                        "{\"kind\":\"RELATIVE\",\"trigger\":\"PLAN_ISSUED\",\"period\":{\"amount\":1,\"unit\":\"MONTH\"}}"),
                Arguments.of(new DeadlineRule.Relative(Trigger.EVENT, new Period(1, PeriodUnit.YEAR)),
                        "{\"kind\":\"RELATIVE\",\"trigger\":\"EVENT\",\"period\":{\"amount\":1,\"unit\":\"YEAR\"}}"),
                Arguments.of(new DeadlineRule.Relative(Trigger.EVENT, new Period(48, PeriodUnit.HOUR)),
                        "{\"kind\":\"RELATIVE\",\"trigger\":\"EVENT\",\"period\":{\"amount\":48,\"unit\":\"HOUR\"}}"),
                Arguments.of(new DeadlineRule.Recurring(Frequency.MONTHLY, 1, null, null),
                        "{\"kind\":\"RECURRING\",\"frequency\":\"MONTHLY\",\"interval\":1}"),
                Arguments.of(new DeadlineRule.Recurring(Frequency.QUARTERLY, 1, null, null),
                        "{\"kind\":\"RECURRING\",\"frequency\":\"QUARTERLY\",\"interval\":1}"),
                Arguments.of(new DeadlineRule.Recurring(Frequency.YEARLY, 1, 1, 31),
                        "{\"kind\":\"RECURRING\",\"frequency\":\"YEARLY\",\"interval\":1,\"dueMonth\":1,\"dueDay\":31}"),
                Arguments.of(new DeadlineRule.Recurring(Frequency.EVERY_N_WEEKS, 2, null, null),
                        "{\"kind\":\"RECURRING\",\"frequency\":\"EVERY_N_WEEKS\",\"interval\":2}"),
                Arguments.of(new DeadlineRule.Ongoing(), "{\"kind\":\"ONGOING\"}"),
                Arguments.of(new DeadlineRule.Asap(), "{\"kind\":\"ASAP\"}"),
                Arguments.of(new DeadlineRule.Unparsed("看情况", "无法识别的时限要求"),
                        "{\"kind\":\"UNPARSED\",\"text\":\"看情况\",\"reason\":\"无法识别的时限要求\"}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("shapes")
    void writesAndReadsTheContractShape(DeadlineRule rule, String json) {
        assertEquals(json, DeadlineRules.toJson(rule));
        assertEquals(rule, DeadlineRules.fromJson(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"kind\":\"NOPE\"}", "{\"kind\":\"FIXED\",\"date\":\"2023-02-30\"}",
            "{\"kind\":\"RELATIVE\",\"trigger\":\"INFO_CHANGED\",\"period\":{\"amount\":-1,\"unit\":\"DAY\"}}", "[1]",
            "null", "{\"kind\":\"FIXED\"}", "{\"kind\":\"RELATIVE\",\"trigger\":\"INFO_CHANGED\"}",
            "{\"kind\":\"RELATIVE\",\"period\":{\"amount\":3,\"unit\":\"DAY\"}}", "{\"kind\":\"RECURRING\",\"interval\":1}",
            "{\"kind\":\"RECURRING\",\"frequency\":\"MONTHLY\"}", "{\"kind\":\"UNPARSED\",\"reason\":\"x\"}"})
    void anythingElseIsAnIllegalArgument(String json) {
        assertThrows(IllegalArgumentException.class, () -> DeadlineRules.fromJson(json));
    }
}
