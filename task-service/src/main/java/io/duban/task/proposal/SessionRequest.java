package io.duban.task.proposal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * POST /proposal-sessions body: the session (e.g. 县政协十一届二次会议) and, where it differs from the 办理规定, its rules.
 * {@code title} is the plan's title (default: the session name + 建议提案办理).
 */
public record SessionRequest(
        @NotNull(message = "请选择人大（NPC）或政协（CPPCC）") Terms.Body body,
        @NotBlank(message = "会议名称不能为空") @Size(max = 100, message = "会议名称不超过 100 字") String sessionName,
        @Size(max = 200, message = "标题不超过 200 字") String title,
        @NotNull(message = "年度不能为空") @Min(value = 2000, message = "年度应在 2000 到 2100 之间") @Max(value = 2100, message = "年度应在 2000 到 2100 之间") Integer year,
        Integer replyMonths, Integer complexReplyMonths, Integer coOpinionMonths, Integer redoMonths, Integer maxReopens,
        Integer feedbackLinkDays) {

    SessionRules rules() {
        return SessionRules.of(replyMonths, complexReplyMonths, coOpinionMonths, redoMonths, maxReopens, feedbackLinkDays);
    }
}
