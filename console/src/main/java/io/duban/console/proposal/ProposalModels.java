package io.duban.console.proposal;

import java.util.List;
import java.util.Map;

/** The shapes of task-service's 建议提案 answers the console reads, and the bodies it sends. */
public final class ProposalModels {

    private ProposalModels() {
    }

    public record Session(String planId, String title, int year, String body, String sessionName, int replyMonths,
                          int complexReplyMonths, int coOpinionMonths, int redoMonths, int maxReopens) {
    }

    public record Proposal(String id, String planId, String number, String title, List<String> proposers, String kind,
                           String assignedOn, boolean complex, String leadUnits, String coUnits, String firstDue, String replyDue,
                           String coOpinionDue, String status, int round, int reopenCount, int reopensAllowed) {

        public String proposersText() {
            return proposers == null ? "" : String.join("、", proposers);
        }

        /** 待答复 / 待反馈 / 重新办理 / 已办结 */
        public String statusLabel() {
            return switch (status) {
                case "ASSIGNED" -> "待答复";
                case "ANSWERED" -> "已答复，待反馈";
                case "REOPENED" -> "重新办理";
                case "CLOSED" -> "已办结";
                default -> status;
            };
        }
    }

    public record UnitRole(String unitId, String unitName, String role) {
    }

    public record Reply(int round, String text, String outcome, String consultation, String consultedOn, String signer,
                        String contactName, String contactPhone, String docNumber, String planText, String promisedOn,
                        String repliedOn, String dueOn, boolean onTime) {
    }

    public record Feedback(int round, String satisfaction, String relevance, String consultation, String opinion,
                           String receivedOn, String via) {
    }

    public record Evaluation(int topic, int analysis, int feasibility, int expression, int total, boolean excellent, String comment) {
    }

    public record CoOpinion(String unitName, String text, String sentOn, boolean onTime) {
    }

    public record Detail(Proposal proposal, Session session, List<UnitRole> units, List<Reply> replies, List<Feedback> feedback,
                         Evaluation evaluation, List<CoOpinion> coOpinions) {
    }

    public record Line(String unitName, int assigned, int answeredOnTime, int answeredLate, int notAnswered, int overdue,
                       Map<String, Integer> outcomes, Map<String, Double> outcomeShares, int feedback, int satisfied,
                       int basicallySatisfied, int unsatisfied, Double satisfactionRate, int reopened) {
    }

    public record Numbers(String asOf, Line total, List<Line> units) {
    }

    public record NewReply(String text, String outcome, String consultation, String consultedOn, String signer, String contactName,
                           String contactPhone, String docNumber, String planText, String promisedOn, String repliedOn) {
    }

    public record NewFeedback(String satisfaction, String relevance, String consultation, String opinion, String receivedOn) {
    }

    public record Link(String token, String path, String expiresAt) {
    }
}
