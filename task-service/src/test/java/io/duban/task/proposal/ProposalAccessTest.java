package io.duban.task.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.common.problem.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may do what with a proposal: the token first, then a unit's roles on it (404 for none of its own, 403 for the wrong one). */
class ProposalAccessTest {

    @ParameterizedTest(name = "{0} by unit token {1}, supervisor {2} → {3}")
    @CsvSource({
            "SEE,  false, false, 0",
            "SEE,  true,  false, 0",
            "LEAD, false, true,  0",
            "LEAD, false, false, 403",
            "LEAD, true,  false, 0",
            "CO,   false, true,  403",
            "CO,   true,  false, 0"})
    void theTokenDecidesFirst(ProposalAccess.Need need, boolean unitToken, boolean supervisor, int status) {
        assertEquals(status, outcome(() -> ProposalAccess.byToken(need, unitToken, supervisor)));
    }

    @ParameterizedTest(name = "{0} with roles [{1}] → {2}")
    @CsvSource({
            "SEE,  '',      404",
            "SEE,  CO,      0",
            "SEE,  LEAD,    0",
            "LEAD, '',      404",
            "LEAD, CO,      403",
            "LEAD, LEAD,    0",
            "LEAD, LEAD CO, 0",
            "CO,   '',      404",
            "CO,   LEAD,    403",
            "CO,   CO,      0"})
    void aUnitsRolesDecideTheRest(ProposalAccess.Need need, String roles, int status) {
        List<String> list = roles.isBlank() ? List.of() : Arrays.asList(roles.split(" "));
        assertEquals(status, outcome(() -> ProposalAccess.byRoles(need, list, UUID.randomUUID())));
    }

    private static int outcome(Runnable check) {
        try {
            check.run();
            return 0;
        } catch (ProblemException e) {
            return e.type().status();
        }
    }
}
