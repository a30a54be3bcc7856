package io.duban.task.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * One 建议/提案 as the office enters it (or as one row of a 交办清单): 编号, 案由, 提案者, 主办单位 and 协办单位 (unit texts,
 * resolved by org-service), 交办日期, 复杂 (涉及面广、处理难度大: the longer period). {@code kind} defaults from the session.
 */
public record ProposalRequest(
        @NotBlank(message = "编号不能为空") @Size(max = 40, message = "编号不超过 40 字") String number,
        @NotBlank(message = "案由不能为空") @Size(max = 500, message = "案由不超过 500 字") String title,
        @NotNull(message = "提案者不能为空") @Size(min = 1, max = 50, message = "提案者应为 1 到 50 人") List<@NotBlank(message = "提案者姓名不能为空") @Size(max = 100, message = "提案者不超过 100 字") String> proposers,
        Terms.Kind kind,
        @NotNull(message = "交办日期不能为空") LocalDate assignedOn,
        Boolean complex,
        @NotBlank(message = "主办单位不能为空") @Size(max = 500, message = "主办单位不超过 500 字") String leadUnits,
        @Size(max = 1000, message = "协办单位不超过 1000 字") String coUnits) {
}
