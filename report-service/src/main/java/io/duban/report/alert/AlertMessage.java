package io.duban.report.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a delivery says, whatever the channel's format. */
public record AlertMessage(UUID id, String region, LocalDate date, String unitId, String unitName, AlertKind kind,
                           List<AlertItem> items) {
}
