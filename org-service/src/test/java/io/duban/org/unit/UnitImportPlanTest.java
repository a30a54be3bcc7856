package io.duban.org.unit;

import io.duban.org.directory.UnitKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.problem.FieldError;
import io.duban.org.unit.UnitImportPlan.Existing;
import io.duban.org.unit.UnitImportPlan.Outcome;
import io.duban.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The import's decisions without a database: upsert by name, clashes, parents, idempotence. */
class UnitImportPlanTest {

    private static final String HEADER = "name\tkind\taliases\tparent\n";

    private static List<UnitTable.Row> rows(String body) {
        UnitTable.Parsed p = UnitTable.parse(HEADER + body);
        assertEquals(List.of(), p.errors());
        return p.rows();
    }

    private static List<Existing> applied(Outcome o) {
        List<Existing> all = new ArrayList<>();
        for (UnitImportPlan.Change c : o.creates()) {
            all.add(new Existing(c.id(), c.row().name(), c.row().kind(), c.row().aliases(), c.parentId(), true));
        }
        return all;
    }

    @Test
    void theDemoFileCreatesEverythingAndThenNothing() {
        List<UnitTable.Row> demo = UnitTable.parse(Fixtures.text(Fixtures.UNITS_TSV)).rows();
        Outcome first = UnitImportPlan.plan(List.of(), demo, UUID::randomUUID);
        assertEquals(59, first.creates().size());
        Outcome again = UnitImportPlan.plan(applied(first), demo, UUID::randomUUID);
        assertEquals(0, again.creates().size());
        assertEquals(0, again.updates().size());
        assertEquals(59, again.unchanged());
    }

    @Test
    void aChangedAliasIsAnUpdateOfTheSameUnit() {
        Outcome first = UnitImportPlan.plan(List.of(), rows("县财政局\tDEPARTMENT\t\t\n"), UUID::randomUUID);
        Outcome second = UnitImportPlan.plan(applied(first), rows("县财政局\tDEPARTMENT\t县财政\t\n"), UUID::randomUUID);
        assertEquals(1, second.updates().size());
        assertEquals(first.creates().get(0).id(), second.updates().get(0).id());
    }

    @Test
    void parentsResolveByNameOrAliasInTheFileOrTheRegion() {
        Outcome o = UnitImportPlan.plan(List.of(), rows("新闻科\tPARTY\t\t宣传部\n县委宣传部\tPARTY\t宣传部\t\n"), UUID::randomUUID);
        assertEquals(o.creates().get(1).id(), o.creates().get(0).parentId());
    }

    @Test
    void aUnitMayNotBeCalledWhatAnotherUnitIsCalled() {
        Existing finance = new Existing(UUID.randomUUID(), "县财政局", UnitKind.DEPARTMENT, List.of("财政局"), null, true);
        Outcome o = UnitImportPlan.plan(List.of(finance), rows("县审计局\tDEPARTMENT\t财政局\t\n"), UUID::randomUUID);
        assertEquals(List.of("line 2"), o.errors().stream().map(FieldError::field).toList());
        assertTrue(o.errors().get(0).message().contains("县财政局"), o.errors().toString());
    }

    @Test
    void aCountyPrefixedNameIsTheSameName() {
        Outcome o = UnitImportPlan.plan(List.of(), rows("县财政局\tDEPARTMENT\t\t\n沂源县财政局\tDEPARTMENT\t\t\n"), UUID::randomUUID);
        assertEquals("line 3", o.errors().get(0).field());
    }

    @Test
    void errorsAreSortedByLineAndNothingIsPlanned() {
        Outcome o = UnitImportPlan.plan(List.of(), rows("甲\tDEPARTMENT\t\t丙\n乙\tDEPARTMENT\t\t乙\n"), UUID::randomUUID);
        assertEquals(List.of("line 2", "line 3"), o.errors().stream().map(FieldError::field).toList());
        assertEquals(0, o.creates().size());
    }

    @Test
    void tableRejectsUnknownKindsAndEmptyNamesWithTheirLines() {
        UnitTable.Parsed p = UnitTable.parse(HEADER + "县财政局\tBUREAU\t\t\n\n\tDEPARTMENT\t\t\n");
        assertEquals(List.of("line 2", "line 4"), p.errors().stream().map(FieldError::field).toList());
    }
}
