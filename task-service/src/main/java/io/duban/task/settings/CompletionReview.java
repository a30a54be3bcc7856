package io.duban.task.settings;

/** Whether a unit's DONE report waits for the supervisor's 办结审核 (REQUIRED) or completes at once (OFF). */
public enum CompletionReview { REQUIRED, OFF }
