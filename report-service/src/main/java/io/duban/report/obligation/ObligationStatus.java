package io.duban.report.obligation;

import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalDate;

/**
 * An obligation's state as of a day. The rule lives here once, in Java for tests and readers,
 * and as {@link #SQL} for the queries that judge millions of rows without loading them.
 * A completion after {@code asOf} is not yet known as of that day.
 */
public enum ObligationStatus {
    OPEN, DUE_SOON, OVERDUE, DONE_ON_TIME, DONE_LATE, PENDING_REVIEW;

    /**
     * The same rule over columns {@code o.due_on}, {@code o.completed_on}, {@code o.pending_review_on} with the parameters
     * {@code :asOf} and {@code :soonLimit} substituted by the caller.
     */
    public static final String SQL = """
            CASE WHEN o.completed_on IS NOT NULL AND o.completed_on <= :asOf
                      THEN CASE WHEN o.completed_on <= o.due_on THEN 'DONE_ON_TIME' ELSE 'DONE_LATE' END
                 WHEN o.pending_review_on IS NOT NULL AND o.pending_review_on <= :asOf THEN 'PENDING_REVIEW'
                 WHEN o.due_on < :asOf THEN 'OVERDUE'
                 WHEN o.due_on <= :soonLimit THEN 'DUE_SOON'
                 ELSE 'OPEN' END""";

    public static ObligationStatus of(LocalDate dueOn, LocalDate completedOn, LocalDate asOf, LocalDate soonLimit) {
        return of(dueOn, completedOn, null, asOf, soonLimit);
    }

    /** With a completion waiting for 办结审核 ({@code pendingReviewOn}): neither overdue nor done. */
    public static ObligationStatus of(LocalDate dueOn, LocalDate completedOn, LocalDate pendingReviewOn, LocalDate asOf,
            LocalDate soonLimit) {
        if (completedOn != null && !completedOn.isAfter(asOf)) {
            return completedOn.isAfter(dueOn) ? DONE_LATE : DONE_ON_TIME;
        }
        if (pendingReviewOn != null && !pendingReviewOn.isAfter(asOf)) {
            return PENDING_REVIEW;
        }
        if (dueOn.isBefore(asOf)) {
            return OVERDUE;
        }
        return dueOn.isAfter(soonLimit) ? OPEN : DUE_SOON;
    }

    /**
     * The last due day that counts as 即将到期 as of {@code asOf}: the window holds {@code n} working
     * days counting {@code asOf} itself when it is one (due today with n = 3 is due soon).
     */
    public static LocalDate dueSoonLimit(WorkdayCalendar calendar, LocalDate asOf, int n) {
        return calendar.addWorkdays(asOf.minusDays(1), n + 1).date().minusDays(1);
    }

    /** How documents name the status: 未到期, 即将到期, 逾期未办结, 按时办结, 逾期办结, 待审核. */
    public String label() {
        return switch (this) {
            case OPEN -> "未到期";
            case DUE_SOON -> "即将到期";
            case OVERDUE -> "逾期未办结";
            case DONE_ON_TIME -> "按时办结";
            case DONE_LATE -> "逾期办结";
            case PENDING_REVIEW -> "待审核";
        };
    }

    public static String label(String status) {
        try {
            return valueOf(status).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return status;
        }
    }

    public boolean isDone() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }
}
