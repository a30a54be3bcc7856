package io.duban.feed;

import java.util.UUID;

/**
 * The full state of one task-service entity right after a change, as the change feed carries it in
 * an item's {@code data}. task-service maps its rows to these records explicitly (its API DTOs may
 * change on their own); report-service deserialises into them and switches over the sealed type.
 * Enumerated values (kind, role, status, trigger) travel as their constant names in strings: the
 * projection stores them as text, and a value a newer task-service adds must not fail the reader.
 */
public sealed interface Snapshot permits PlanSnapshot, TaskSnapshot, AssignmentSnapshot, ReportSnapshot, EventSnapshot,
        AcknowledgementSnapshot, DisputeSnapshot, ReviewSnapshot, LedgerEntrySnapshot, LedgerSubmissionSnapshot,
        RegionSettingsSnapshot, ProposalSnapshot {

    UUID id();

    String region();

    /** The change type whose items carry this snapshot. */
    ChangeType changeType();
}
