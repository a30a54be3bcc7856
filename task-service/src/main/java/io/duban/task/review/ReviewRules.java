package io.duban.task.review;

import io.duban.common.problem.FieldError;
import io.duban.task.assignment.AssignmentStatus;
import java.util.List;

/** What a review decides: the assignment's next status, and that a 退回 says why. */
public final class ReviewRules {

    private ReviewRules() {
    }

    /** What is wrong with the decision; empty when nothing is. */
    public static List<FieldError> check(ReviewRequest r) {
        if (r.decision() == ReviewDecision.RETURN && (r.comment() == null || r.comment().isBlank())) {
            return List.of(new FieldError("comment", "退回时必须填写退回原因"));
        }
        return List.of();
    }

    public static AssignmentStatus next(ReviewDecision d) {
        return d == ReviewDecision.ACCEPT ? AssignmentStatus.DONE : AssignmentStatus.IN_PROGRESS;
    }
}
