package io.duban.report.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtensionRulesTest {

    @ParameterizedTest(name = "due {0}, closed {1}, granted {2}, asks {3} on {4} → {5}")
    @CsvSource({
            "2023-09-06, false, 0, 2023-09-20, 2023-09-01, ",
            "2023-09-06, false, 0, 2023-09-20, 2023-09-06, ",
            "2023-09-06, false, 0, 2023-09-20, 2023-09-07, 已逾期",
            "2023-09-06, true, 0, 2023-09-20, 2023-09-01, 已办结",
            "2023-09-06, false, 0, 2023-09-06, 2023-09-01, 应晚于当前到期日",
            "2023-09-06, false, 1, 2023-09-20, 2023-09-01, 达到本区域的上限"})
    void aUnitMayAskOnlyWhileOpenAndNotOverdueForALaterDateWithinTheLimit(LocalDate due, boolean closed, long granted,
                                                                         LocalDate asked, LocalDate today, String refusal) {
        var r = ExtensionRules.refuseRequest(new ExtensionRules.State(due, closed, granted), asked, today, 1);
        if (refusal == null) {
            assertTrue(r.isEmpty(), r.toString());
        } else {
            assertTrue(r.orElseThrow().contains(refusal), r.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({"2023-09-06, 2023-09-30, 1, true", "2023-09-06, 2023-09-30, 2, false", "2023-09-06, 2023-09-06, 2, true"})
    void theSupervisorMayGrantOverdueOnesWithinTheLimit(LocalDate due, LocalDate to, int max, boolean refused) {
        assertEquals(refused, ExtensionRules.refuseGrant(new ExtensionRules.State(due, false, 1), to, max).isPresent());
    }

    @ParameterizedTest
    @CsvSource({"2023-09-15, 2023-09-20, false", "2023-09-20, 2023-09-20, false", "2023-09-21, 2023-09-20, true"})
    void anApprovalMayShortenTheRequestedDateNeverLengthenIt(LocalDate approved, LocalDate requested, boolean refused) {
        assertEquals(refused, ExtensionRules.refuseApprovedDate(approved, requested).isPresent());
    }
}
