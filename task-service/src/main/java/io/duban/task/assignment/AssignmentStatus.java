package io.duban.task.assignment;

/**
 * 待签收 / 未启动 / 推进中 / 待审核 / 已完成. A unit reports only NOT_STARTED, IN_PROGRESS or DONE; PENDING_ACK
 * and PENDING_REVIEW are states the assignment's life puts it in (creation, a DONE report under 办结审核).
 */
public enum AssignmentStatus {
    PENDING_ACK, NOT_STARTED, IN_PROGRESS, PENDING_REVIEW, DONE;

    /** Whether a progress report may carry this status. */
    public boolean reportable() {
        return this == NOT_STARTED || this == IN_PROGRESS || this == DONE;
    }
}
