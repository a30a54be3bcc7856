package io.duban.task.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One row of a unit's 工作台账 as exported: the task, the unit's entry (null fields when not filled) and its progress. */
public record LedgerRow(UUID assignmentId, int seq, List<String> category, String requirement, String role, String office,
        String owner, String ownerPhone, String measures, LocalDate plannedOn, String deadlineText, String status,
        String latestNote, LocalDate completedOn) {
}
