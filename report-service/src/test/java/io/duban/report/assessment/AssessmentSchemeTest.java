package io.duban.report.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.problem.FieldError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssessmentSchemeTest {

    private static AssessmentScheme with(String field, double value) {
        AssessmentScheme d = AssessmentScheme.defaults();
        Map<String, Double> w = new LinkedHashMap<>(d.roleWeights());
        double base = d.base(), inspection = d.inspectionBase(), open = d.overdueOpenPenalty(), late = d.doneLatePenalty();
        switch (field) {
            case "base" -> base = value;
            case "inspectionBase" -> inspection = value;
            case "overdueOpenPenalty" -> open = value;
            case "doneLatePenalty" -> late = value;
            default -> w.put(field.substring("roleWeights.".length()), value);
        }
        return new AssessmentScheme(base, open, late, w, inspection, d.inspectionWeight());
    }

    @ParameterizedTest
    @CsvSource({"base, 1e308", "base, 1000.5", "inspectionBase, 1e308", "overdueOpenPenalty, 1e308",
            "doneLatePenalty, 101", "roleWeights.LEAD, 1e308", "roleWeights.CO, 11"})
    void unboundedValuesAreRefusedNamingTheField(String field, double value) {
        assertEquals(java.util.List.of(field), with(field, value).problems().stream().map(FieldError::field).toList());
    }

    @ParameterizedTest
    @CsvSource({"base, 1000", "inspectionBase, 120", "overdueOpenPenalty, 100", "doneLatePenalty, 0", "roleWeights.CO, 10"})
    void valuesInsideTheBoundsPass(String field, double value) {
        assertTrue(with(field, value).problems().isEmpty());
    }
}
