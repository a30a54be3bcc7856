package io.duban.report.alert;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a delivery says, whatever the channel's format; {@code note} is a 催办's message (null otherwise). */
public record AlertMessage(UUID id, String region, LocalDate date, String unitId, String unitName, AlertKind kind,
                           List<AlertItem> items, String note) {

    public AlertMessage(UUID id, String region, LocalDate date, String unitId, String unitName, AlertKind kind,
                        List<AlertItem> items) {
        this(id, region, date, unitId, unitName, kind, items, null);
    }
}
