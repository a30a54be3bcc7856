package io.duban.task.assignment;

/** 未启动 / 推进中 / 已完成. */
public enum AssignmentStatus { NOT_STARTED, IN_PROGRESS, DONE }
