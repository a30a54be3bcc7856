package io.duban.task.proposal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The 提案办理答复反馈表 as the proposer fills it in: 满意度, 针对性, 协商方式 as the proposer saw it, an opinion;
 * {@code receivedOn}: when the office received a paper form (default today; a link's feedback is always today). A
 * 重新办理 is due counted from this day.
 */
public record FeedbackRequest(
        @NotNull(message = "请选择满意度") Terms.Satisfaction satisfaction,
        @NotNull(message = "请选择答复的针对性") Terms.Relevance relevance,
        @NotNull(message = "请选择协商方式") Terms.Consultation consultation,
        @Size(max = 4000, message = "意见不超过 4000 字") String opinion,
        java.time.LocalDate receivedOn) {
}
