package io.duban.task.proposal;

import io.duban.common.problem.ProblemException;
import io.duban.task.assignment.Role;
import java.util.List;
import java.util.UUID;

/**
 * Who may do what with one 建议/提案, decided in one place. The region's broader roles see every proposal; a unit sees
 * those it is 主办 (LEAD) or 协办 (CO) of and is told 404 about the others, as if they did not exist. Replies, feedback
 * links and the 评议表 are the supervisor's or a 主办 unit's (a 协办 unit is told 403: it exists for it, but is not its to
 * answer); a 协办意见 is a 协办 unit's own.
 */
final class ProposalAccess {

    /** What the caller wants to do. */
    enum Need {
        /** read it (detail, 答复函). */
        SEE,
        /** act as the 主办 unit: reply, feedback link, 评议. */
        LEAD,
        /** act as a 协办 unit: send a 协办意见. */
        CO
    }

    private ProposalAccess() {
    }

    /** What the token alone decides, before the proposal is read: 403 when no proposal could be the caller's to act on. */
    static void byToken(Need need, boolean unitToken, boolean supervisor) {
        if (need == Need.LEAD && !unitToken && !supervisor) {
            throw ProblemException.forbidden("只有督办单位或主办单位可以办理。");
        }
        if (need == Need.CO && !unitToken) {
            throw ProblemException.forbidden("协办意见由协办单位账号提交。");
        }
    }

    /** A unit token's roles on proposal {@code id} ({@code roles}: LEAD, CO; empty when none): 404 or 403 unless allowed. */
    static void byRoles(Need need, List<String> roles, UUID id) {
        if (roles.isEmpty()) {
            throw ProposalRepository.notFound(id);
        }
        if (need == Need.LEAD && !roles.contains(Role.LEAD.name())) {
            throw ProblemException.forbidden("协办单位不能答复或评议，请将协办意见送主办单位。");
        }
        if (need == Need.CO && !roles.contains(Role.CO.name())) {
            throw ProblemException.forbidden("只有协办单位提交协办意见。");
        }
    }
}
