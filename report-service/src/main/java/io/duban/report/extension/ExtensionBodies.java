package io.duban.report.extension;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The request bodies of 延期: a unit's request, the supervisor's decision, a direct extension. */
public final class ExtensionBodies {

    private ExtensionBodies() {
    }

    /** {@code POST /obligations/{id}/extension-requests}. */
    public record NewRequest(
            @NotNull(message = "requestedDueOn（申请延至日期）不能为空") LocalDate requestedDueOn,
            @NotBlank(message = "reason（延期理由）不能为空") @Size(max = 2000, message = "reason 不能超过 2000 个字符") String reason) {
    }

    /** {@code POST /extension-requests/{id}/decision}: APPROVE may shorten the requested date. */
    public record Decision(
            @NotNull(message = "decision 不能为空") @Pattern(regexp = "APPROVE|REJECT", message = "decision 应为 APPROVE 或 REJECT")
            String decision,
            LocalDate approvedDueOn,
            @NotBlank(message = "comment（审批意见）不能为空") @Size(max = 2000, message = "comment 不能超过 2000 个字符") String comment) {
    }

    /** {@code POST /obligations/{id}/extensions}: the supervisor extends directly. */
    public record Direct(
            @NotNull(message = "dueOn（延至日期）不能为空") LocalDate dueOn,
            @NotBlank(message = "reason（延期理由）不能为空") @Size(max = 2000, message = "reason 不能超过 2000 个字符") String reason) {
    }
}
