package io.duban.report.assessment;

import io.duban.report.common.Ranks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies an {@link AssessmentScheme} to each unit's year and ranks the units (ties share a rank). */
public final class Scoring {

    private Scoring() {
    }

    /**
     * A unit's year: obligations due in it by outcome, the same counts weighted by role, and the
     * points of its (not voided) findings; {@code weightedExtendedShortfall} = Σ role weight × the scheme's
     * shortfall of each completion that needed a granted extension (charged at the done-late penalty);
     * {@code unrectified} = its findings of the year not closed (销号).
     */
    public record Tally(String unitId, String unitName, long due, long onTime, long doneLate, long overdueOpen, long pending,
                        double weightedDoneLate, double weightedOverdueOpen, BigDecimal findingPoints,
                        double weightedExtendedShortfall, long unrectified) {

        public Tally(String unitId, String unitName, long due, long onTime, long doneLate, long overdueOpen, long pending,
                     double weightedDoneLate, double weightedOverdueOpen, BigDecimal findingPoints) {
            this(unitId, unitName, due, onTime, doneLate, overdueOpen, pending, weightedDoneLate, weightedOverdueOpen,
                    findingPoints, 0, 0);
        }
    }

    /** A scored unit: deductions and parts rounded to 2 decimals. */
    public record Score(int rank, Tally tally, double taskDeduction, double taskPart, double inspectionDeduction,
                        double inspectionPart, double total) {
    }

    public static List<Score> score(AssessmentScheme s, List<Tally> tallies) {
        List<Score> unranked = new ArrayList<>();
        for (Tally t : tallies) {
            double taskDeduction = round(s.overdueOpenPenalty() * t.weightedOverdueOpen()
                    + s.doneLatePenalty() * (t.weightedDoneLate() + t.weightedExtendedShortfall()));
            double task = round(Math.max(0, s.base() - taskDeduction));
            double inspectionDeduction = round(t.findingPoints().doubleValue() + s.unrectified() * t.unrectified());
            double inspection = round(Math.max(0, s.inspectionBase() - inspectionDeduction));
            double total = round((1 - s.inspectionWeight()) * task + s.inspectionWeight() * inspection);
            unranked.add(new Score(0, t, taskDeduction, task, inspectionDeduction, inspection, total));
        }
        Comparator<Score> byTotal = Comparator.comparingDouble(Score::total).reversed();
        unranked.sort(byTotal.thenComparing(x -> x.tally().unitName() == null ? "" : x.tally().unitName())
                .thenComparing(x -> x.tally().unitId()));
        List<Integer> ranks = Ranks.competition(unranked, byTotal);
        List<Score> out = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Score x = unranked.get(i);
            out.add(new Score(ranks.get(i), x.tally(), x.taskDeduction(), x.taskPart(), x.inspectionDeduction(),
                    x.inspectionPart(), x.total()));
        }
        return out;
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
