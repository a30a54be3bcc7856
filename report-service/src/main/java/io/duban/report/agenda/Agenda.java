package io.duban.report.agenda;

import io.duban.report.query.ObligationView;
import java.time.LocalDate;
import io.duban.report.finding.Finding;
import java.util.List;
import java.util.UUID;

/** One unit's agenda as of a day; {@code ongoing} lists its 长期/及时 duties, which carry no due date. */
public record Agenda(String unitId, String unitName, LocalDate asOf, List<ObligationView> overdue,
                     List<ObligationView> dueSoon, List<ObligationView> open, List<ObligationView> done,
                     List<OngoingItem> ongoing, List<Finding> overdueFindings) {

    /** A task the unit owes without a date (ONGOING, ASAP). */
    public record OngoingItem(UUID taskId, Integer taskSeq, String requirement, String role, String rule) {
    }
}
