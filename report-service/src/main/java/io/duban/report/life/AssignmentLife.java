package io.duban.report.life;

/**
 * The dashboard's counts of the assignment's life as of a day: assignments waiting to be signed for (and of
 * them those past the window), open 申诉, completions waiting for 办结审核, and units whose 工作台账 of a plan
 * was not submitted by the plan's ledgerDueOn (counted once the due day has passed).
 */
public record AssignmentLife(long pendingAcknowledgements, long lateAcknowledgements, long openDisputes, long pendingReviews,
        long ledgersNotSubmitted) {
}
