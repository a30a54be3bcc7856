package io.duban.feed;

import java.util.Optional;

/**
 * What a change-feed item carries. The wire form is the constant's name; a reader meets names it
 * does not know when task-service is newer than it, so {@link #of} answers empty instead of failing.
 */
public enum ChangeType {
    PLAN(PlanSnapshot.class),
    TASK(TaskSnapshot.class),
    ASSIGNMENT(AssignmentSnapshot.class),
    REPORT(ReportSnapshot.class),
    EVENT(EventSnapshot.class),
    ACKNOWLEDGEMENT(AcknowledgementSnapshot.class),
    DISPUTE(DisputeSnapshot.class),
    REVIEW(ReviewSnapshot.class),
    LEDGER_ENTRY(LedgerEntrySnapshot.class),
    LEDGER_SUBMISSION(LedgerSubmissionSnapshot.class),
    REGION_SETTINGS(RegionSettingsSnapshot.class),
    PROPOSAL(ProposalSnapshot.class);

    private final Class<? extends Snapshot> snapshotType;

    ChangeType(Class<? extends Snapshot> snapshotType) {
        this.snapshotType = snapshotType;
    }

    /** The record this type's {@code data} deserialises into. */
    public Class<? extends Snapshot> snapshotType() {
        return snapshotType;
    }

    /** The type named {@code name} on the wire, or empty when this reader does not know it. */
    public static Optional<ChangeType> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ChangeType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
