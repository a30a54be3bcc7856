package io.duban.task.plan;

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
}
