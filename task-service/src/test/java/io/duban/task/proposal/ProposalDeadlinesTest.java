package io.duban.task.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProposalDeadlinesTest {

    private final ProposalDeadlines deadlines = ProposalDeadlines.bundled();

    @ParameterizedTest(name = "交办 {0}, complex {1} → reply due {2}, 协办 due {3}")
    @CsvSource({
            // 3 months land on 2023-09-30, inside 中秋/国庆 (09-29…10-06): the period ends on 10-07, a 调休 working Saturday
            "2023-06-30, false, 2023-10-07, 2023-07-30",
            "2023-07-02, false, 2023-10-07, 2023-08-02",
            // complex: 6 months from 04-01 is 10-01 (国庆) → 10-07
            "2023-04-01, true, 2023-10-07, 2023-05-04",
            // a plain working day stays; the 1-month 协办 period from 04-01 ends 05-01 (劳动节 04-29…05-03) → 05-04
            "2023-03-15, false, 2023-06-15, 2023-04-15",
            // an ordinary Saturday is not a statutory holiday: the period ends there
            "2023-03-17, false, 2023-06-17, 2023-04-17",
            // 春节 2023 (01-21…01-27): 2022-10-22 + 3 months = 2023-01-22 → 01-28
            "2022-10-22, false, 2023-01-28, 2022-11-22",
            // no 31st in February 2024 (a leap year): its last day
            "2023-08-31, true, 2024-02-29, 2023-10-07",
    })
    void repliesAreDueNMonthsAfterAssignmentPastAHoliday(LocalDate assigned, boolean complex, LocalDate reply, LocalDate co) {
        ProposalDeadlines.Dues dues = deadlines.of(assigned, complex, SessionRules.DEFAULT);
        assertEquals(reply, dues.reply());
        assertEquals(co, dues.coOpinion());
        assertFalse(dues.provisional());
    }

    @ParameterizedTest(name = "session rules {1}/{2} months: 交办 {0} → {3}")
    @CsvSource({
            "2023-07-31, 2, false, 2023-10-07",
            "2023-07-31, 2, true, 2024-01-31",
    })
    void aSessionMayOverrideThePeriods(LocalDate assigned, int months, boolean complex, LocalDate reply) {
        SessionRules rules = SessionRules.of(months, 6, null, null, null, null);
        assertEquals(reply, deadlines.of(assigned, complex, rules).reply());
    }

    @ParameterizedTest(name = "不满意 on {0} → 重新办理 due {1}")
    @CsvSource({"2023-03-20, 2023-04-20", "2023-09-01, 2023-10-07", "2023-12-31, 2024-01-31"})
    void aReopenedProposalIsDueAMonthAfterTheFeedback(LocalDate feedback, LocalDate due) {
        assertEquals(due, deadlines.redo(feedback, SessionRules.DEFAULT));
    }
}
