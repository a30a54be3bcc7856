package io.duban.task.task;

import io.duban.deadlines.rule.DeadlineRule;
import jakarta.validation.constraints.Size;

/**
 * PUT /tasks/{id}: the supervisor's correction. Absent fields stay as they are; {@code deadline}
 * (a rule object) overrides what {@code deadlineText} would parse to.
 */
public record UpdateTaskRequest(
        @Size(min = 1, max = 4000, message = "工作要求应为 1 到 4000 字") String requirement,
        // the same limits as a table cell at import (RowMerger), so a corrected row may be as long as an imported one
        @Size(min = 1, max = 2000, message = "责任单位应为 1 到 2000 字") String responsibleText,
        @Size(max = 4000, message = "时限要求不超过 4000 字") String deadlineText,
        DeadlineRule deadline) {
}
