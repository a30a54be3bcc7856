package io.duban.task.ledger;

import io.duban.feed.LedgerSubmissionSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A unit submitted (报送) its 工作台账 of a plan; append-only, a resubmission is another one. */
public record LedgerSubmissionDto(UUID id, String region, UUID planId, UUID unitId, LocalDate submittedOn, String submittedBy,
        Instant submittedAt, int assignments, int filled) {

    public LedgerSubmissionSnapshot snapshot() {
        return new LedgerSubmissionSnapshot(id, region, planId, unitId.toString(), submittedOn, submittedBy, submittedAt);
    }
}
