package io.duban.task.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** PUT /settings body. */
public record RegionSettingsRequest(
        @NotNull(message = "签收时限不能为空") @Min(value = 1, message = "签收时限应在 1 到 30 个工作日之间")
        @Max(value = 30, message = "签收时限应在 1 到 30 个工作日之间") Integer ackWorkingDays,
        @NotNull(message = "completionReview 不能为空（REQUIRED 或 OFF）") CompletionReview completionReview) {
}
