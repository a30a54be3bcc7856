package io.duban.task.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.common.problem.FieldError;
import io.duban.task.assignment.AssignmentStatus;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportRulesTest {

    static final LocalDate TODAY = LocalDate.of(2023, 12, 20);

    @ParameterizedTest
    @CsvSource({"https://www.yiyuan.gov.cn/a.html,true", "http://example.com,true", "ftp://example.com/x,false",
            "javascript:alert(1),false", "www.example.com,false", "https://,false", "'https://exa mple.com',false"})
    void evidenceMustBeAWebLink(String url, boolean ok) {
        assertEquals(ok, ReportRules.isWebUrl(url));
    }

    @Test
    void doneOnTodayWithALinkIsFine() {
        assertEquals(List.of(), ReportRules.check(new ReportRequest(AssignmentStatus.DONE, null, List.of("https://a.cn/x"), TODAY, null), TODAY));
        assertEquals(List.of(), ReportRules.check(new ReportRequest(AssignmentStatus.DONE, "见县政府网站专栏", null, TODAY, null), TODAY));
    }

    @Test
    void doneTomorrowOrWithoutEvidenceIsRefused() {
        List<FieldError> errors = ReportRules.check(new ReportRequest(AssignmentStatus.DONE, " ", List.of(), TODAY.plusDays(1), null), TODAY);
        assertEquals(List.of("evidenceUrls", "completedOn"), errors.stream().map(FieldError::field).toList());
        assertEquals(List.of("completedOn"), ReportRules.check(
                new ReportRequest(AssignmentStatus.IN_PROGRESS, null, null, TODAY, null), TODAY).stream().map(FieldError::field).toList());
    }
}
