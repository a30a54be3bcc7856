package io.duban.report.obligation;

import io.duban.deadlines.rule.DeadlineRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

/** The projected facts the {@link ObligationDeriver} reads: plain values, no persistence. */
public final class ObligationFacts {

    private ObligationFacts() {
    }

    /** A plan: its issue date dates PLAN_ISSUED periods and its year bounds RECURRING ones. */
    public record PlanFacts(UUID id, LocalDate issuedOn, Integer year) {
    }

    /** A task row with its parsed 时限要求. */
    public record TaskFacts(UUID id, UUID planId, DeadlineRule rule) {
    }

    /** One 责任分解 row: task × unit × role (LEAD, CO, RESPONSIBLE). */
    public record AssignmentFacts(UUID id, String unitId, String unitName, String role, boolean active) {
    }

    /** A 触发事件 on an assignment; {@code occurredAt} is local time in Asia/Shanghai (may be null). */
    public record EventFacts(UUID id, UUID assignmentId, String trigger, LocalDate occurredOn, LocalDateTime occurredAt) {
    }

    /** A 进展报告; {@code reportedAt} orders reports of the same assignment. */
    public record ReportFacts(UUID id, UUID assignmentId, String status, LocalDate completedOn, UUID eventId,
                              Instant reportedAt) {
    }
}
