package io.duban.report.obligation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.deadlines.rule.DeadlineRule.Recurring;
import io.duban.deadlines.rule.Frequency;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecurringPeriodsTest {

    @ParameterizedTest(name = "{0}/{1} issued {4}: {5} periods, first due {6}, last due {7}")
    @CsvSource({
            // frequency, interval, dueMonth, dueDay, issuedOn, count, firstDue, lastDue
            "MONTHLY, 1, , , 2023-08-09, 5, 2023-08-31, 2023-12-31",
            "MONTHLY, 1, , , , 12, 2023-01-31, 2023-12-31",
            "MONTHLY, 1, , 10, 2023-08-09, 5, 2023-08-10, 2023-12-10",
            "MONTHLY, 2, , , , 6, 2023-02-28, 2023-12-31",
            "QUARTERLY, 1, , , 2023-08-09, 2, 2023-09-30, 2023-12-31",
            "YEARLY, 1, 1, 31, 2023-01-05, 1, 2023-01-31, 2023-01-31",
            "YEARLY, 1, , , 2023-08-09, 1, 2023-12-31, 2023-12-31",
            "EVERY_N_WEEKS, 2, , , 2023-08-09, 10, 2023-08-22, 2023-12-26",
    })
    void periodsInsideThePlansYearFallingDueAfterIssue(Frequency f, int interval, Integer dueMonth, Integer dueDay,
                                                        LocalDate issuedOn, int count, LocalDate firstDue, LocalDate lastDue) {
        List<RecurringPeriods.Span> spans = RecurringPeriods.within(new Recurring(f, interval, dueMonth, dueDay), 2023, issuedOn);
        assertEquals(count, spans.size());
        assertEquals(firstDue, spans.get(0).due());
        assertEquals(lastDue, spans.get(spans.size() - 1).due());
    }

    @ParameterizedTest
    @CsvSource({"2023-08-09", "2023-12-30"})
    void aYearlyDutyDueBeforeTheIssueDateIsNotOwedThatYear(LocalDate issuedOn) {
        assertEquals(0, RecurringPeriods.within(new Recurring(Frequency.YEARLY, 1, 1, 31), 2023, issuedOn).size());
    }
}
