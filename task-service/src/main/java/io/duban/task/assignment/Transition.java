package io.duban.task.assignment;

import io.duban.common.problem.ProblemException;

/**
 * Why a conditional status change of an assignment touched nothing, decided on the assignment as it is
 * now: withdrawn → 409; the client's version is stale → 412 (of two supervisors deciding at once, the
 * loser is told to read again); at the version read but not in the state the step starts from → 409. A plain verdict, so the order of the checks is tested without a database.
 */
public final class Transition {

    private Transition() {
    }

    /** The problem to answer with, for a step {@code what} that needs {@code required} at {@code expected}. */
    public static ProblemException refusal(AssignmentDto current, long expected, AssignmentStatus required, String what) {
        if (!current.active()) {
            return ProblemException.conflict("该责任分解已撤销，不能再" + what + "。");
        }
        if (current.version() != expected) {
            return ProblemException.preconditionFailed("责任分解已被更新（当前版本 " + current.version() + "），请重新读取后再" + what + "。");
        }
        return ProblemException.conflict("该责任分解当前状态为" + label(current.status()) + "，不能" + what + "。")
                .with("assignmentStatus", current.status().name());
    }

    public static String label(AssignmentStatus s) {
        return switch (s) {
            case PENDING_ACK -> "待签收";
            case NOT_STARTED -> "未启动";
            case IN_PROGRESS -> "推进中";
            case PENDING_REVIEW -> "待审核";
            case DONE -> "已完成";
        };
    }
}
