package io.duban.report.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SendingWindowTest {

    static final WorkdayCalendar CHINA = WorkdayCalendar.bundled();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2023-09-05T08:29:59+08:00[Asia/Shanghai], false",
            "2023-09-05T08:30:00+08:00[Asia/Shanghai], true",
            "2023-09-05T17:59:59+08:00[Asia/Shanghai], true",
            "2023-09-05T18:00:00+08:00[Asia/Shanghai], false",
            "2023-10-03T10:00:00+08:00[Asia/Shanghai], false",
            "2023-10-07T10:00:00+08:00[Asia/Shanghai], true",
            "2023-09-09T10:00:00+08:00[Asia/Shanghai], false"})
    void alertsGoOutOnWorkingDaysInTheWindow(ZonedDateTime now, boolean allowed) {
        assertEquals(allowed, SendingWindow.parse("08:30-18:00").allows(now, CHINA));
        assertEquals(true, SendingWindow.parse("always").allows(now, CHINA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18:00-08:30", "8.30-18", "soon"})
    void aBadSettingIsRefusedAtStart(String text) {
        assertThrows(IllegalArgumentException.class, () -> SendingWindow.parse(text));
    }
}
