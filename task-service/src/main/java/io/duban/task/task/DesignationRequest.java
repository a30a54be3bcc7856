package io.duban.task.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** POST /tasks/{id}/designations: the units that stand for the task's undesignated groups (replaces earlier designations). */
public record DesignationRequest(
        @NotNull(message = "unitIds 不能为空") @Size(max = 500, message = "一次最多指定 500 个单位") List<String> unitIds) {
}
