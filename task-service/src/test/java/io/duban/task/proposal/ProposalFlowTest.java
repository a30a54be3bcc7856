package io.duban.task.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.problem.FieldError;
import io.duban.task.proposal.Terms.Consultation;
import io.duban.task.proposal.Terms.Outcome;
import io.duban.task.proposal.Terms.Satisfaction;
import io.duban.task.proposal.Terms.Status;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalFlowTest {

    static final LocalDate ASSIGNED = LocalDate.of(2023, 3, 1);
    static final LocalDate TODAY = LocalDate.of(2023, 5, 10);

    static ReplyRequest reply(Outcome outcome, Consultation how, LocalDate consulted, String plan, LocalDate promised, LocalDate replied) {
        return new ReplyRequest("答复正文", outcome, how, consulted, "张某", "李某", "0531-87888888", null, null, null, plan, promised,
                replied, null);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteReplyPasses() {
        assertTrue(ProposalFlow.check(reply(Outcome.A, Consultation.FACE, LocalDate.of(2023, 5, 1), null, null, null), ASSIGNED, TODAY).isEmpty());
        assertTrue(ProposalFlow.check(reply(Outcome.C, Consultation.NONE, null, null, null, LocalDate.of(2023, 5, 2)), ASSIGNED, TODAY).isEmpty());
    }

    @Test
    void categoryBNeedsAPlanAndALaterPromisedDay() {
        assertEquals(List.of("planText", "promisedOn"),
                fields(ProposalFlow.check(reply(Outcome.B, Consultation.PHONE, TODAY, null, null, null), ASSIGNED, TODAY)));
        assertEquals(List.of("promisedOn"),
                fields(ProposalFlow.check(reply(Outcome.B, Consultation.PHONE, TODAY, "列入2023年计划", TODAY, null), ASSIGNED, TODAY)));
        assertTrue(ProposalFlow.check(reply(Outcome.B, Consultation.PHONE, TODAY, "列入2023年计划", LocalDate.of(2023, 12, 31), null),
                ASSIGNED, TODAY).isEmpty());
        assertEquals(List.of("promisedOn"), fields(ProposalFlow.check(
                reply(Outcome.A, Consultation.PHONE, TODAY, null, LocalDate.of(2023, 12, 31), null), ASSIGNED, TODAY)));
    }

    @Test
    void datesMustBeInOrder() {
        assertEquals(List.of("repliedOn"), fields(ProposalFlow.check(
                reply(Outcome.A, Consultation.NONE, null, null, null, TODAY.plusDays(1)), ASSIGNED, TODAY)));
        assertEquals(List.of("repliedOn"), fields(ProposalFlow.check(
                reply(Outcome.A, Consultation.NONE, null, null, null, ASSIGNED.minusDays(1)), ASSIGNED, TODAY)));
        assertEquals(List.of("consultedOn"), fields(ProposalFlow.check(
                reply(Outcome.A, Consultation.FACE, null, null, null, null), ASSIGNED, TODAY)));
        assertEquals(List.of("consultedOn"), fields(ProposalFlow.check(
                reply(Outcome.A, Consultation.FACE, TODAY.plusDays(1), null, null, null), ASSIGNED, TODAY)));
    }

    @Test
    void unsatisfiedReopensOnceUnlessMoreAreAllowed() {
        LocalDate due = LocalDate.of(2023, 6, 10);
        assertEquals(new ProposalFlow.AfterFeedback(Status.REOPENED, due), ProposalFlow.afterFeedback(Satisfaction.UNSATISFIED, 0, 1, due));
        assertEquals(Status.CLOSED, ProposalFlow.afterFeedback(Satisfaction.UNSATISFIED, 1, 1, due).status());
        assertEquals(Status.REOPENED, ProposalFlow.afterFeedback(Satisfaction.UNSATISFIED, 1, 2, due).status());
        assertEquals(Status.CLOSED, ProposalFlow.afterFeedback(Satisfaction.UNSATISFIED, 0, 0, due).status());
        assertNull(ProposalFlow.afterFeedback(Satisfaction.BASICALLY_SATISFIED, 0, 1, due).newDue());
        assertEquals(Status.CLOSED, ProposalFlow.afterFeedback(Satisfaction.SATISFIED, 0, 1, due).status());
    }
}
