package io.duban.task.proposal;

import io.duban.common.problem.FieldError;
import io.duban.task.proposal.Terms.Outcome;
import io.duban.task.proposal.Terms.Satisfaction;
import io.duban.task.proposal.Terms.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The decisions of the 办理 flow, without I/O: what a reply must hold, what a feedback does to the proposal. */
public final class ProposalFlow {

    private ProposalFlow() {
    }

    /** What is wrong with a reply made on {@code today} to a proposal assigned on {@code assignedOn}. */
    public static List<FieldError> check(ReplyRequest r, LocalDate assignedOn, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate replied = r.repliedOn() == null ? today : r.repliedOn();
        if (replied.isAfter(today)) {
            errors.add(new FieldError("repliedOn", "答复日期不能晚于今天。"));
        }
        if (replied.isBefore(assignedOn)) {
            errors.add(new FieldError("repliedOn", "答复日期不能早于交办日期 " + assignedOn + "。"));
        }
        if (r.consultedOn() != null && r.consultedOn().isAfter(replied)) {
            errors.add(new FieldError("consultedOn", "协商日期不能晚于答复日期。"));
        }
        if (r.consultation() != Terms.Consultation.NONE && r.consultedOn() == null) {
            errors.add(new FieldError("consultedOn", "已与提案者协商的，请填写协商日期。"));
        }
        if (r.outcome() == Outcome.B) {
            if (r.planText() == null || r.planText().isBlank()) {
                errors.add(new FieldError("planText", "解决情况为 B（正在解决或已列入计划）的，请写明解决计划。"));
            }
            if (r.promisedOn() == null) {
                errors.add(new FieldError("promisedOn", "解决情况为 B 的，请填写承诺完成日期。"));
            } else if (!r.promisedOn().isAfter(replied)) {
                errors.add(new FieldError("promisedOn", "承诺完成日期应晚于答复日期。"));
            }
        } else if (r.promisedOn() != null) {
            errors.add(new FieldError("promisedOn", "只有解决情况为 B 的答复才有承诺完成日期。"));
        }
        return errors;
    }

    /** What a feedback does: closes the proposal, or reopens it for 重新办理 due on {@code newDue}. */
    public record AfterFeedback(Status status, LocalDate newDue) {

        public boolean reopens() {
            return status == Status.REOPENED;
        }
    }

    /**
     * 不满意 reopens the proposal while it has been reopened fewer times than allowed (once, unless the supervisor allowed
     * more); anything else closes it.
     */
    public static AfterFeedback afterFeedback(Satisfaction s, int reopenCount, int reopensAllowed, LocalDate redoDue) {
        if (s == Satisfaction.UNSATISFIED && reopenCount < reopensAllowed) {
            return new AfterFeedback(Status.REOPENED, redoDue);
        }
        return new AfterFeedback(Status.CLOSED, null);
    }
}
