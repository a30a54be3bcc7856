package io.duban.report.obligation;

import java.time.LocalDate;

/**
 * 红黄蓝灯 of an open obligation as of a day: RED when overdue, BLUE when due within the 临期 window,
 * YELLOW when behind schedule — more than a share (default 70 %) of its window has passed and the
 * unit has reported no progress; none otherwise (done, waiting for 办结审核, or on schedule). The window
 * of a RELATIVE obligation starts at its trigger (the period's start day), of a FIXED one at the
 * assignment's creation (the plan's issue day when the creation is not known); RECURRING periods get
 * no YELLOW. The rule lives here once, in Java and as {@link #SQL}.
 */
public enum ObligationLight {
    BLUE, YELLOW, RED;

    /**
     * The same rule over {@code o} (obligation), {@code la} (its assignment) and {@code lp} (its plan) with the
     * parameters {@code :asOf}, {@code :soonLimit} and {@code :share} substituted by the caller.
     */
    public static final String SQL = """
            CASE WHEN (o.completed_on IS NOT NULL AND o.completed_on <= :asOf)
                      OR (o.pending_review_on IS NOT NULL AND o.pending_review_on <= :asOf) THEN NULL
                 WHEN o.due_on < :asOf THEN 'RED'
                 WHEN o.due_on <= :soonLimit THEN 'BLUE'
                 WHEN o.kind IN ('FIXED', 'RELATIVE')
                      AND (:asOf - CASE WHEN o.kind = 'RELATIVE' THEN o.anchor_on ELSE coalesce(la.created_on, lp.issued_on) END)
                          > :share * (o.due_on - CASE WHEN o.kind = 'RELATIVE' THEN o.anchor_on
                                                      ELSE coalesce(la.created_on, lp.issued_on) END)
                      AND o.due_on > CASE WHEN o.kind = 'RELATIVE' THEN o.anchor_on ELSE coalesce(la.created_on, lp.issued_on) END
                      AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.region = o.region
                                      AND r.assignment_id = o.assignment_id
                                      AND (r.reported_at AT TIME ZONE 'Asia/Shanghai')::date <= :asOf)
                      THEN 'YELLOW' END""";

    /**
     * The rule in Java. {@code status} is the obligation's {@link ObligationStatus} as of {@code asOf};
     * {@code windowStart} null when it has none (RECURRING, or no start known).
     */
    public static ObligationLight of(ObligationStatus status, LocalDate dueOn, LocalDate windowStart, boolean progressReported,
                                     LocalDate asOf, double share) {
        return switch (status) {
            case OVERDUE -> RED;
            case DUE_SOON -> BLUE;
            case OPEN -> windowStart != null && dueOn.isAfter(windowStart) && !progressReported
                    && asOf.toEpochDay() - windowStart.toEpochDay() > share * (dueOn.toEpochDay() - windowStart.toEpochDay())
                    ? YELLOW : null;
            default -> null;
        };
    }

    /** How documents and the console name it: 红灯, 黄灯, 蓝灯. */
    public String label() {
        return switch (this) {
            case RED -> "红灯（已逾期）";
            case YELLOW -> "黄灯（进度滞后）";
            case BLUE -> "蓝灯（即将到期）";
        };
    }
}
