package io.duban.task.life;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.assignment.Role;
import io.duban.task.assignment.Transition;
import io.duban.task.dispute.DecisionRequest;
import io.duban.task.dispute.DisputeRules;
import io.duban.task.ledger.LedgerRules;
import io.duban.task.review.ReviewDecision;
import io.duban.task.review.ReviewRequest;
import io.duban.task.review.ReviewRules;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The plain verdicts behind the assignment's life, without a database. */
class DecisionRulesTest {

    static final UUID PLAN = UUID.randomUUID(), TASK = UUID.randomUUID(), A = UUID.randomUUID(), B = UUID.randomUUID();

    static AssignmentDto assignment(UUID unit, AssignmentStatus status, boolean active, long version) {
        return new AssignmentDto(UUID.randomUUID(), "370323", PLAN, TASK, unit, unit.toString(), Role.LEAD, status, active,
                LocalDate.of(2023, 8, 10), null, version);
    }

    @ParameterizedTest
    @CsvSource({
        // status, active, current version, expected version → HTTP status
        "PENDING_REVIEW, false, 3, 3, 409",
        "DONE,           true,  4, 3, 412",
        "DONE,           true,  3, 3, 409",
        "PENDING_ACK,    true,  1, 1, 409",
        "PENDING_REVIEW, true,  5, 4, 412"})
    void aRefusalIsStaleBeforeItIsInTheWrongState(AssignmentStatus status, boolean active, long current, long expected, int http) {
        ProblemException p = Transition.refusal(assignment(A, status, active, current), expected, AssignmentStatus.PENDING_REVIEW, "审核");
        assertEquals(http, p.type().status());
    }

    @Test
    void aReturnNeedsItsReason() {
        assertEquals(List.of("comment"), ReviewRules.check(new ReviewRequest(ReviewDecision.RETURN, " ")).stream()
                .map(FieldError::field).toList());
        assertTrue(ReviewRules.check(new ReviewRequest(ReviewDecision.ACCEPT, null)).isEmpty());
        assertEquals(AssignmentStatus.DONE, ReviewRules.next(ReviewDecision.ACCEPT));
        assertEquals(AssignmentStatus.IN_PROGRESS, ReviewRules.next(ReviewDecision.RETURN));
    }

    @Test
    void aRejectionTellsWhyAndDesignatesNobody() {
        assertEquals(List.of("comment"), fields(DisputeRules.check(new DecisionRequest(DecisionRequest.Decision.REJECT, null, null), A)));
        assertEquals(List.of("designateUnitIds"), fields(DisputeRules.check(
                new DecisionRequest(DecisionRequest.Decision.REJECT, "不成立", List.of(B.toString())), A)));
        assertEquals(List.of("designateUnitIds[0]"), fields(DisputeRules.check(
                new DecisionRequest(DecisionRequest.Decision.UPHOLD, null, List.of(A.toString())), A)), "not the disputing unit");
        assertEquals(List.of("designateUnitIds[1]"), fields(DisputeRules.check(
                new DecisionRequest(DecisionRequest.Decision.UPHOLD, null, List.of(B.toString(), "1-1-1-1-1")), A)), "canonical UUIDs only");
        DisputeRules.Checked upheld = DisputeRules.check(
                new DecisionRequest(DecisionRequest.Decision.UPHOLD, null, List.of(B.toString(), " " + B + " ")), A);
        assertEquals(List.of(B), upheld.designated());
        assertTrue(upheld.errors().isEmpty());
    }

    private static List<String> fields(DisputeRules.Checked checked) {
        return checked.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anUpheldDisputeGivesTheRoleToUnitsNotAlreadyActiveAndReactivatesFormerOnes() {
        AssignmentDto withdrawn = assignment(A, AssignmentStatus.IN_PROGRESS, true, 2);
        UUID c = UUID.randomUUID();
        AssignmentDto formerB = assignment(B, AssignmentStatus.NOT_STARTED, false, 3);
        AssignmentDto activeC = assignment(c, AssignmentStatus.NOT_STARTED, true, 1);
        UUID d = UUID.randomUUID();
        var plan = DisputeRules.designate(withdrawn, List.of(withdrawn, formerB, activeC), List.of(new DisputeRules.UnitName(B, "b"),
                new DisputeRules.UnitName(c, "c"), new DisputeRules.UnitName(d, "d")));
        assertEquals(1, plan.changed().size());
        assertTrue(plan.changed().get(0).active());
        assertEquals(4, plan.changed().get(0).version());
        assertEquals(1, plan.created().size());
        assertEquals(d, plan.created().get(0).unitId());
        assertEquals(Role.LEAD, plan.created().get(0).role());
        assertEquals(AssignmentStatus.PENDING_ACK, plan.created().get(0).status());
    }

    @Test
    void aPlannedDayIsBoundedOnlyByAFixedDueDay() {
        DeadlineRule yearEnd = new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31));
        assertTrue(LedgerRules.plannedAfterDue(LocalDate.of(2023, 12, 31), yearEnd).isEmpty());
        assertEquals(Optional.of(LocalDate.of(2023, 12, 31)), LedgerRules.plannedAfterDue(LocalDate.of(2024, 1, 1), yearEnd));
        assertTrue(LedgerRules.plannedAfterDue(LocalDate.of(2030, 1, 1), new DeadlineRule.Ongoing()).isEmpty());
    }

    @Test
    void sheetNamesAreExcelSafeAndUnique() {
        Set<String> taken = new HashSet<>();
        String long1 = io.duban.task.ledger.LedgerWorkbook.sheetName("沂源县某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某局", taken);
        String long2 = io.duban.task.ledger.LedgerWorkbook.sheetName("沂源县某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某局", taken);
        assertTrue(long1.length() <= 31 && long2.length() <= 31);
        assertTrue(!long1.equals(long2));
        assertTrue(!io.duban.task.ledger.LedgerWorkbook.sheetName("县/教育:局", taken).matches(".*[/:].*"));
    }
}
