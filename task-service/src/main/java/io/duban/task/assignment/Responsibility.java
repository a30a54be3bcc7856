package io.duban.task.assignment;

import java.util.UUID;

/** One unit's role on a task, as derived from the 责任单位 text and designations. */
public record Responsibility(UUID unitId, String unitName, Role role) {
}
