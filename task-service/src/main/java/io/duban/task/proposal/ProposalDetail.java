package io.duban.task.proposal;

import java.util.List;

/** GET /proposals/{id}: the proposal with its units, every round's reply and feedback, the latest 评议 and the 协办意见. */
public record ProposalDetail(ProposalDto proposal, SessionDto session, List<UnitRole> units, List<ReplyDto> replies,
        List<FeedbackDto> feedback, EvaluationDto evaluation, List<CoOpinion> coOpinions) {

    /** A unit of the proposal: LEAD (主办) or CO (协办). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalUnit")
    public record UnitRole(java.util.UUID unitId, String unitName, String role) {
    }

    /** 协办意见 sent to the 主办 unit. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalCoOpinion")
    public record CoOpinion(java.util.UUID unitId, String unitName, String text, java.time.LocalDate sentOn, boolean onTime) {
    }
}
