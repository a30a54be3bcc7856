package io.duban.task.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /assignments/{id}/reviews body; a RETURN needs the comment (退回原因). */
public record ReviewRequest(
        @NotNull(message = "decision 不能为空（ACCEPT 或 RETURN）") ReviewDecision decision,
        @Size(max = 2000, message = "意见不超过 2000 字") String comment) {
}
