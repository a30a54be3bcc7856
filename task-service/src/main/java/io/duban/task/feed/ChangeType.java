package io.duban.task.feed;

/** The entities the change feed carries. */
public enum ChangeType { PLAN, TASK, ASSIGNMENT, REPORT, EVENT }
