package io.duban.task.ledger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** PUT /assignments/{id}/ledger body: one row of the unit's 工作台账. */
public record LedgerEntryRequest(
        @NotBlank(message = "责任科室不能为空") @Size(max = 100, message = "责任科室不超过 100 字") String office,
        @NotBlank(message = "责任人不能为空") @Size(max = 50, message = "责任人不超过 50 字") String owner,
        @Pattern(regexp = "[0-9+\\-() ]{5,30}", message = "联系电话应为 5 到 30 位数字（可含 - + 括号 空格）") String ownerPhone,
        @NotBlank(message = "工作措施不能为空") @Size(max = 4000, message = "工作措施不超过 4000 字") String measures,
        @NotNull(message = "计划完成时间不能为空") LocalDate plannedOn) {
}
