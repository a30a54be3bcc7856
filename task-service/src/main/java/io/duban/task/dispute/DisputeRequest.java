package io.duban.task.dispute;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /assignments/{id}/disputes body: why this is not the unit's duty. */
public record DisputeRequest(
        @NotBlank(message = "申诉理由不能为空") @Size(max = 2000, message = "申诉理由不超过 2000 字") String reason) {
}
