package io.duban.console.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.console.api.ReportModels.ExtensionRequest;
import io.duban.console.api.ReportModels.GrantedExtension;
import io.duban.console.api.ReportModels.Obligation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When an item offers 申请延期: open, not overdue, nothing pending, and extended fewer times than the region allows. */
class DueTest {

    private static Obligation obligation(String status) {
        return new Obligation("o1", "a1", "t1", 10, "公开财政预决算", "u1", "县民政局", "LEAD", "2023年12月底前",
                LocalDate.parse("2023-12-29"), status, 0, false, null, "p1", LocalDate.parse("2023-12-15"), null);
    }

    private static List<GrantedExtension> granted(int n) {
        List<GrantedExtension> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new GrantedExtension("g" + i, "o1", null, LocalDate.parse("2023-12-15"), LocalDate.parse("2023-12-29"),
                    "材料需补充", "dsj", LocalDate.parse("2023-12-01"), "2023-12-01T09:00:00+08:00"));
        }
        return out;
    }

    private static List<ExtensionRequest> asked(String status) {
        return status.isEmpty() ? List.of() : List.of(new ExtensionRequest("r1", "o1", "t1", "u1", "县民政局",
                LocalDate.parse("2023-12-15"), LocalDate.parse("2023-12-29"), "材料需补充", "mzj", "2023-12-01T09:00:00+08:00",
                status, 1, null, null, null, null));
    }

    @ParameterizedTest
    @CsvSource({
            // status,  granted, allowed, request,  form?, "at the limit" sentence?
            "OPEN,      0, 1, '',       true,  false",
            "DUE_SOON,  0, 1, '',       true,  false",
            "OPEN,      1, 1, APPROVED, false, true",
            "OPEN,      1, 2, APPROVED, true,  false",
            "OPEN,      2, 2, '',       false, true",
            "OPEN,      0, 0, '',       false, true",
            "OPEN,      0, 1, PENDING,  false, false",
            "OPEN,      0, 1, REJECTED, true,  false",
            "OVERDUE,   0, 1, '',       false, false",
            "DONE_ON_TIME, 1, 1, '',    false, false",
    })
    void offersARequestOnlyWithinTheRegionsLimit(String status, int granted, int allowed, String request, boolean form,
                                                  boolean atLimit) {
        WorkbenchPages.Due d = WorkbenchPages.Due.of(obligation(status), 5, granted(granted), asked(request), allowed);
        assertEquals(form, d.canRequest());
        assertEquals(atLimit, d.atLimit());
    }
}
