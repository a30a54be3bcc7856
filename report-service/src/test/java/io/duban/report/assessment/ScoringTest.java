package io.duban.report.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.common.problem.FieldError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringTest {

    static Scoring.Tally tally(String name, long late, long overdue, String points) {
        return new Scoring.Tally("u-" + name, name, late + overdue, 0, late, overdue, 0, late, overdue, new BigDecimal(points));
    }

    @ParameterizedTest(name = "late {0}, overdue {1}, points {2} → task {3}, inspection {4}, total {5}")
    @CsvSource({
            "0, 0, 0, 100, 100, 100",
            "1, 0, 0, 99, 100, 99.5",
            "0, 1, 0, 98, 100, 99",
            "2, 2, 5, 94, 95, 94.5",
            "0, 0, 12.5, 100, 87.5, 93.75",
            "10, 60, 0, 0, 100, 50",
            "0, 0, 130, 100, 0, 50"})
    void defaultSchemeDeductsTwoPerOverdueOneperLateAndWeighsInspectionHalf(long late, long overdue, String points,
                                                                           double task, double inspection, double total) {
        Scoring.Score s = Scoring.score(AssessmentScheme.defaults(), List.of(tally("x", late, overdue, points))).get(0);
        assertEquals(task, s.taskPart());
        assertEquals(inspection, s.inspectionPart());
        assertEquals(total, s.total());
    }

    @Test
    void tiesShareARankAndTheNextRankSkips() {
        List<Scoring.Score> scores = Scoring.score(AssessmentScheme.defaults(), List.of(tally("丁", 0, 3, "0"),
                tally("甲", 0, 0, "0"), tally("乙", 1, 0, "0"), tally("丙", 0, 0, "1")));
        assertEquals(List.of("甲", "丙", "乙", "丁"), scores.stream().map(s -> s.tally().unitName()).toList());
        assertEquals(List.of(1, 2, 2, 4), scores.stream().map(Scoring.Score::rank).toList());
    }

    @Test
    void roleWeightsScaleDeductionsAndWeightMovesTheTotal() {
        AssessmentScheme s = new AssessmentScheme(100.0, 2.0, 1.0, Map.of("LEAD", 1.0, "RESPONSIBLE", 0.5, "CO", 0.0), 100.0, 1.0);
        Scoring.Tally half = new Scoring.Tally("u", "u", 2, 0, 0, 2, 0, 0, 1.0, BigDecimal.ONE);
        Scoring.Score score = Scoring.score(s, List.of(half)).get(0);
        assertEquals(98.0, score.taskPart());
        assertEquals(99.0, score.total());
    }

    @Test
    void theDefaultSchemeIsValidAndBadOnesSayWhatIsWrong() {
        assertEquals(List.of(), AssessmentScheme.defaults().problems());
        AssessmentScheme bad = new AssessmentScheme(0.0, -1.0, null, Map.of("LEAD", 1.0, "RESPONSIBLE", 1.0, "CO", -0.5),
                100.0, 1.5);
        assertEquals(List.of("base", "overdueOpenPenalty", "doneLatePenalty", "inspectionWeight", "roleWeights.CO"),
                bad.problems().stream().map(FieldError::field).toList());
        assertEquals(List.of("roleWeights"), new AssessmentScheme(100.0, 2.0, 1.0, null, 100.0, 0.5).problems().stream()
                .map(FieldError::field).toList());
    }
}
