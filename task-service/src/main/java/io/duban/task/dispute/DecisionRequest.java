package io.duban.task.dispute;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** POST /disputes/{id}/decision body; {@code designateUnitIds} only with UPHOLD. */
public record DecisionRequest(
        @NotNull(message = "decision 不能为空（UPHOLD 或 REJECT）") Decision decision,
        @Size(max = 2000, message = "意见不超过 2000 字") String comment,
        @Size(max = 20, message = "一次最多指定 20 个单位") List<String> designateUnitIds) {

    /** 申诉成立 or 驳回. */
    public enum Decision { UPHOLD, REJECT }
}
