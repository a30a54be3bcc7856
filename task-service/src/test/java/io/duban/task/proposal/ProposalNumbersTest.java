package io.duban.task.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.task.proposal.Terms.Outcome;
import io.duban.task.proposal.Terms.Satisfaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalNumbersTest {

    static final LocalDate DUE = LocalDate.of(2023, 6, 15);
    static final String EDU = "县教育和体育局";
    static final String WATER = "县水利局";

    static ProposalNumbers.Fact fact(List<String> leads, LocalDate replied, Outcome o, Satisfaction s, int reopened) {
        return new ProposalNumbers.Fact("1", "案由", leads, DUE, replied, o, s, reopened);
    }

    @Test
    void countsPerUnitAndInTotal() {
        List<ProposalNumbers.Fact> facts = List.of(
                fact(List.of(EDU), DUE, Outcome.A, Satisfaction.SATISFIED, 0),
                fact(List.of(EDU), DUE.plusDays(1), Outcome.B, Satisfaction.UNSATISFIED, 1),
                fact(List.of(EDU, WATER), DUE.minusDays(3), Outcome.A, Satisfaction.BASICALLY_SATISFIED, 0),
                fact(List.of(WATER), null, null, null, 0),
                fact(List.of(WATER), null, null, null, 0));
        ProposalNumbers.Numbers n = ProposalNumbers.of(facts, DUE.plusDays(10));
        ProposalNumbers.Line total = n.total();
        assertNull(total.unitName());
        assertEquals(5, total.assigned());
        assertEquals(2, total.answeredOnTime());
        assertEquals(1, total.answeredLate());
        assertEquals(2, total.notAnswered());
        assertEquals(2, total.overdue());
        assertEquals(2, total.outcomes().get(Outcome.A));
        assertEquals(new BigDecimal("66.67"), total.outcomeShares().get(Outcome.A));
        assertEquals(new BigDecimal("0.00"), total.outcomeShares().get(Outcome.C));
        assertEquals(new BigDecimal("66.67"), total.satisfactionRate());
        assertEquals(1, total.reopened());

        assertEquals(List.of(WATER, EDU).stream().sorted().toList(), n.units().stream().map(ProposalNumbers.Line::unitName).toList());
        ProposalNumbers.Line edu = n.units().stream().filter(l -> l.unitName().equals(EDU)).findFirst().orElseThrow();
        assertEquals(3, edu.assigned());
        assertEquals(1, edu.answeredLate());
        ProposalNumbers.Line water = n.units().stream().filter(l -> l.unitName().equals(WATER)).findFirst().orElseThrow();
        assertEquals(3, water.assigned());
        assertEquals(2, water.notAnswered());
        assertEquals(new BigDecimal("100.00"), water.satisfactionRate());
    }

    @Test
    void notYetDueIsNotOverdueAndNothingToDivideIsNull() {
        ProposalNumbers.Numbers n = ProposalNumbers.of(List.of(fact(List.of(EDU), null, null, null, 0)), DUE);
        assertEquals(1, n.total().notAnswered());
        assertEquals(0, n.total().overdue());
        assertNull(n.total().satisfactionRate());
        assertNull(n.total().outcomeShares().get(Outcome.A));
    }

    @Test
    void aReplyAfterTheAsOfDayIsNotYetAnAnswer() {
        ProposalNumbers.Numbers n = ProposalNumbers.of(List.of(fact(List.of(EDU), DUE, Outcome.A, null, 0)), DUE.minusDays(1));
        assertEquals(1, n.total().notAnswered());
        assertEquals(0, n.total().answeredOnTime());
    }
}
