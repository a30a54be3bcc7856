package io.duban.task.plan;

import io.duban.common.problem.ProblemException;
import io.duban.common.time.SaneDates;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** POST /plans body. */
public record CreatePlanRequest(
        @NotBlank(message = "标题不能为空") @Size(max = 200, message = "标题不超过 200 字") String title,
        @Size(max = 100, message = "文号不超过 100 字") String docNumber,
        LocalDate issuedOn,
        @NotNull(message = "年度不能为空") @Min(value = 2000, message = "年度应在 2000 到 2100 之间") @Max(value = 2100, message = "年度应在 2000 到 2100 之间") Integer year,
        @NotNull(message = "类型不能为空（KEY_TASKS 或 ROUTINE）") PlanKind kind,
        LocalDate ledgerDueOn) {

    /**
     * 400 unless {@code issuedOn} (when given) lies in 2000–2100 and within a year of the plan's year: a plan
     * of 2024 is issued late in 2023 at the earliest and in early 2025 at the latest. Deadlines are computed
     * from this date, so a typo here would move every 时限 of the plan.
     */
    void checkIssuedOn() {
        if (ledgerDueOn != null && !SaneDates.within(ledgerDueOn)) {
            throw ProblemException.invalidField("ledgerDueOn", "工作台账报送日期应在 " + SaneDates.RANGE + "。");
        }
        if (issuedOn == null || year == null) {
            return;
        }
        if (!SaneDates.within(issuedOn)) {
            throw ProblemException.invalidField("issuedOn", "印发日期应在 " + SaneDates.RANGE + "。");
        }
        if (Math.abs(issuedOn.getYear() - year) > 1) {
            throw ProblemException.invalidField("issuedOn", "印发日期 " + issuedOn + " 与年度 " + year + " 相差超过一年。");
        }
    }
}
