package io.duban.task.review;

import io.duban.common.problem.ProblemException;
import io.duban.task.assignment.AssignmentStatus;

/** What a review decides: the assignment's next status, and that a 退回 says why. */
public final class ReviewRules {

    private ReviewRules() {
    }

    public static void validate(ReviewRequest r) {
        if (r.decision() == ReviewDecision.RETURN && (r.comment() == null || r.comment().isBlank())) {
            throw ProblemException.invalidField("comment", "退回时必须填写退回原因");
        }
    }

    public static AssignmentStatus next(ReviewDecision d) {
        return d == ReviewDecision.ACCEPT ? AssignmentStatus.DONE : AssignmentStatus.IN_PROGRESS;
    }
}
