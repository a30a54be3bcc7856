package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A unit submitted (报送) its 工作台账 of a plan; append-only. {@code submittedOn} is the day in Asia/Shanghai. */
public record LedgerSubmissionSnapshot(UUID id, String region, UUID planId, String unitId, LocalDate submittedOn,
        String submittedBy, Instant submittedAt) implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.LEDGER_SUBMISSION;
    }
}
