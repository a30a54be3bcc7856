package io.duban.report.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A region's 督办 settings: how many extensions one obligation may be granted ({@code maxExtensions}),
 * the working days a finding gets for its 整改 by default ({@code rectifyWorkingDays}), and from how
 * many 催办 in a quarter a unit is named in the 通报 ({@code urgeReportThreshold}).
 */
public record SupervisionSettings(
        @NotNull(message = "maxExtensions 不能为空") @Min(value = 0, message = "maxExtensions 应为 0 到 10")
        @Max(value = 10, message = "maxExtensions 应为 0 到 10") Integer maxExtensions,
        @NotNull(message = "rectifyWorkingDays 不能为空") @Min(value = 1, message = "rectifyWorkingDays 应为 1 到 250")
        @Max(value = 250, message = "rectifyWorkingDays 应为 1 到 250") Integer rectifyWorkingDays,
        @NotNull(message = "urgeReportThreshold 不能为空") @Min(value = 1, message = "urgeReportThreshold 应为 1 到 100")
        @Max(value = 100, message = "urgeReportThreshold 应为 1 到 100") Integer urgeReportThreshold) {

    /** What applies while a region has stored none: one extension, 10 working days, named from 3 urges. */
    public static SupervisionSettings defaults() {
        return new SupervisionSettings(1, 10, 3);
    }
}
