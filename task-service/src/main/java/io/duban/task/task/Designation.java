package io.duban.task.task;

import java.util.UUID;

/** A unit the supervisor designated for a task's undesignated 责任单位 entries. */
public record Designation(UUID unitId, String unitName) {
}
