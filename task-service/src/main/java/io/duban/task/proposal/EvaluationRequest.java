package io.duban.task.proposal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The 提案质量评议表 by the 承办单位: four criteria worth 20/30/30/20 points — 选题 (topic), 情况分析 (analysis), 建议可行性
 * (feasibility), 文字表述 (expression) — and whether to recommend it as 优秀提案.
 */
public record EvaluationRequest(
        @NotNull(message = "请填写选题得分") @Min(value = 0, message = "选题得分应为 0 到 20") @Max(value = 20, message = "选题得分应为 0 到 20") Integer topic,
        @NotNull(message = "请填写情况分析得分") @Min(value = 0, message = "情况分析得分应为 0 到 30") @Max(value = 30, message = "情况分析得分应为 0 到 30") Integer analysis,
        @NotNull(message = "请填写建议可行性得分") @Min(value = 0, message = "建议可行性得分应为 0 到 30") @Max(value = 30, message = "建议可行性得分应为 0 到 30") Integer feasibility,
        @NotNull(message = "请填写文字表述得分") @Min(value = 0, message = "文字表述得分应为 0 到 20") @Max(value = 20, message = "文字表述得分应为 0 到 20") Integer expression,
        @NotNull(message = "请选择是否推荐为优秀提案") Boolean excellent,
        @Size(max = 2000, message = "评议意见不超过 2000 字") String comment) {
}
