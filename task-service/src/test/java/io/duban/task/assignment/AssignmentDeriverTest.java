package io.duban.task.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AssignmentDeriverTest {

    static final UUID PLAN = UUID.randomUUID(), TASK = UUID.randomUUID();
    static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID();

    static AssignmentDto existing(UUID unit, Role role, AssignmentStatus status, boolean active) {
        return new AssignmentDto(UUID.randomUUID(), "370323", PLAN, TASK, unit, unit.toString(), role, status, active, java.time.LocalDate.of(2023, 8, 10), null, 3);
    }

    @Test
    void keptUnitsKeepTheirAssignmentRemovedAreDeactivatedNewAreCreated() {
        AssignmentDto a = existing(A, Role.LEAD, AssignmentStatus.DONE, true);
        AssignmentDto b = existing(B, Role.CO, AssignmentStatus.IN_PROGRESS, true);
        var plan = AssignmentDeriver.reconcile("370323", PLAN, TASK, List.of(a, b),
                List.of(new Responsibility(A, "a", Role.LEAD), new Responsibility(C, "c", Role.CO)));
        assertEquals(1, plan.created().size());
        assertEquals(C, plan.created().get(0).unitId());
        assertEquals(1, plan.changed().size());
        AssignmentDto gone = plan.changed().get(0);
        assertEquals(b.id(), gone.id());
        assertFalse(gone.active());
        assertEquals(4, gone.version());
        assertEquals(AssignmentStatus.IN_PROGRESS, gone.status());
    }

    @Test
    void roleChangeKeepsTheAssignmentAndAReturningUnitIsReactivated() {
        AssignmentDto a = existing(A, Role.CO, AssignmentStatus.IN_PROGRESS, true);
        AssignmentDto b = existing(B, Role.CO, AssignmentStatus.DONE, false);
        var plan = AssignmentDeriver.reconcile("370323", PLAN, TASK, List.of(a, b),
                List.of(new Responsibility(A, "a", Role.LEAD), new Responsibility(B, "b", Role.CO)));
        assertTrue(plan.created().isEmpty());
        assertEquals(2, plan.changed().size());
        assertEquals(Role.LEAD, plan.changed().get(0).role());
        assertTrue(plan.changed().get(1).active());
        assertEquals(AssignmentStatus.DONE, plan.changed().get(1).status());
    }

    @Test
    void nothingChangesWhenTheUnitsAreTheSame() {
        AssignmentDto a = existing(A, Role.LEAD, AssignmentStatus.NOT_STARTED, true);
        assertTrue(AssignmentDeriver.reconcile("370323", PLAN, TASK, List.of(a), List.of(new Responsibility(A, "a", Role.LEAD))).isEmpty());
    }

    @Test
    void theFirstMentionOfAUnitWins() {
        var d = AssignmentDeriver.distinct(List.of(new Responsibility(A, "a", Role.LEAD), new Responsibility(A, "a", Role.RESPONSIBLE),
                new Responsibility(B, "b", Role.CO)));
        assertEquals(List.of(Role.LEAD, Role.CO), d.stream().map(Responsibility::role).toList());
    }

    @Test
    void aCorrectionKeepsWhatAnUpheldDisputeDecided() {
        // the text still names A (LEAD) and B (CO); A's dispute was upheld and C designated in its place
        AssignmentDto a = existing(A, Role.LEAD, AssignmentStatus.NOT_STARTED, false);
        AssignmentDto b = existing(B, Role.CO, AssignmentStatus.NOT_STARTED, true);
        AssignmentDto c = existing(C, Role.LEAD, AssignmentStatus.IN_PROGRESS, true);
        List<Responsibility> fromText = List.of(new Responsibility(A, "a", Role.LEAD), new Responsibility(B, "b", Role.CO));
        List<Responsibility> wanted = AssignmentDeriver.afterUpheldDisputes(fromText, java.util.Set.of(A), java.util.Set.of(C),
                List.of(a, b, c));
        assertEquals(List.of(B, C), wanted.stream().map(Responsibility::unitId).toList());
        assertEquals(Role.LEAD, wanted.get(1).role());
        var plan = AssignmentDeriver.reconcile("370323", PLAN, TASK, List.of(a, b, c), wanted);
        assertTrue(plan.created().isEmpty(), "nobody new");
        assertTrue(plan.changed().isEmpty(), "A stays withdrawn, C stays designated: " + plan.changed());
    }

    @Test
    void withoutUpheldDisputesTheTextDecidesAlone() {
        List<Responsibility> fromText = List.of(new Responsibility(A, "a", Role.LEAD), new Responsibility(B, "b", Role.CO));
        assertEquals(fromText, AssignmentDeriver.afterUpheldDisputes(fromText, java.util.Set.of(), java.util.Set.of(),
                List.of(existing(C, Role.CO, AssignmentStatus.DONE, true))));
    }
}
