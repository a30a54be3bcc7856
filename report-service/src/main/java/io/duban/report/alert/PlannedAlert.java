package io.duban.report.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An alert decided for a day, before it is written to the outbox. */
public record PlannedAlert(UUID id, String region, LocalDate date, String unitId, String unitName, AlertKind kind,
                           List<AlertItem> items) {
}
