package io.duban.console.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.console.api.ReportModels.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the workbench reads a finding's 整改 state and the working days left or late to its 整改期限. */
class RectifyingTest {

    private static Finding finding(String rectification, String rectifyBy) {
        return new Finding("f1", "u1", "县教育和体育局", LocalDate.parse("2023-09-01"), "DAILY_CHECK", "栏目未更新",
                BigDecimal.ONE, null, null, "dsj", "2023-09-01T09:00:00+08:00",
                rectifyBy == null ? null : LocalDate.parse(rectifyBy), rectification, 1);
    }

    @ParameterizedTest
    @CsvSource({
            // state as the unit reads it; 2023's 中秋国庆: 09-29..10-06 off, 10-07 and 10-08 are 调休 working days
            "OPEN,      2023-10-09, 2023-10-09, TODO,      0,",
            "OPEN,      2023-10-09, 2023-09-28, TODO,      3,",
            "OPEN,      2023-09-28, 2023-10-09, OVERDUE,    , 3",
            "RECTIFIED, 2023-09-28, 2023-10-09, RECTIFIED,  , 3",
    })
    void stateAndWorkingDays(String rectification, String rectifyBy, String asOf, String state, Integer left,
                             Integer late) {
        WorkbenchPages.Rectifying r = WorkbenchPages.Rectifying.of(finding(rectification, rectifyBy),
                LocalDate.parse(asOf), null);
        assertEquals(state, r.state());
        assertEquals(left, r.workdaysLeft());
        assertEquals(late, r.workdaysLate());
    }

    @ParameterizedTest
    @CsvSource({"2023-09-28, 2023-09-28", "2023-10-09, 2023-09-28"})
    void notLateUntilTheDayAfter(String dueOn, String asOf) {
        assertNull(Workdays.late(LocalDate.parse(asOf), LocalDate.parse(dueOn)));
    }
}
