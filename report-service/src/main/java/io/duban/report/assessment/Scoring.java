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
                        double weightedExtendedShortfall, long unrectified, ProposalTally proposals) {

        public Tally(String unitId, String unitName, long due, long onTime, long doneLate, long overdueOpen, long pending,
                     double weightedDoneLate, double weightedOverdueOpen, BigDecimal findingPoints,
                     double weightedExtendedShortfall, long unrectified) {
            this(unitId, unitName, due, onTime, doneLate, overdueOpen, pending, weightedDoneLate, weightedOverdueOpen,
                    findingPoints, weightedExtendedShortfall, unrectified, ProposalTally.NONE);
        }

        public Tally(String unitId, String unitName, long due, long onTime, long doneLate, long overdueOpen, long pending,
                     double weightedDoneLate, double weightedOverdueOpen, BigDecimal findingPoints) {
            this(unitId, unitName, due, onTime, doneLate, overdueOpen, pending, weightedDoneLate, weightedOverdueOpen,
                    findingPoints, 0, 0);
        }
    }

    /**
     * A unit's 建议提案 of the year's sessions (as 主办 or 协办): handled; first answered on time, late, not yet (of which
     * past the due day); rated and of those 满意 or 基本满意; reopened; and the late, overdue and reopened ones weighted by
     * the unit's role on each.
     */
    public record ProposalTally(long handled, long answeredOnTime, long answeredLate, long notAnswered, long overdue, long rated,
                                long satisfied, long reopened, double weightedLate, double weightedOverdue, double weightedReopened) {

        public static final ProposalTally NONE = new ProposalTally(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        /** (满意 + 基本满意) / rated in percent with 2 decimals; null when nothing is rated. */
        public BigDecimal satisfactionRate() {
            return rated == 0 ? null : BigDecimal.valueOf(satisfied * 100L).divide(BigDecimal.valueOf(rated), 2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** One proposal a unit handled, as the projection has it. */
    public record ProposalFact(String unitId, String unitName, String role, java.time.LocalDate firstDue,
                               java.time.LocalDate firstRepliedOn, String satisfaction, int reopenCount) {
    }

    /** Each unit's {@link ProposalTally} as of {@code asOf}, by unit id. */
    public static java.util.Map<String, ProposalTally> tallyProposals(AssessmentScheme.ProposalsPart part, List<ProposalFact> facts,
                                                                       java.time.LocalDate asOf) {
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, double[]> weighted = new java.util.TreeMap<>();
        for (ProposalFact f : facts) {
            long[] c = counts.computeIfAbsent(f.unitId(), k -> new long[8]);
            double[] w = weighted.computeIfAbsent(f.unitId(), k -> new double[3]);
            double weight = part.weight(f.role());
            c[0]++;
            if (f.firstRepliedOn() == null || f.firstRepliedOn().isAfter(asOf)) {
                c[3]++;
                if (f.firstDue() != null && asOf.isAfter(f.firstDue())) {
                    c[4]++;
                    w[1] += weight;
                }
            } else if (f.firstDue() != null && f.firstRepliedOn().isAfter(f.firstDue())) {
                c[2]++;
                w[0] += weight;
            } else {
                c[1]++;
            }
            if (f.satisfaction() != null) {
                c[5]++;
                if (!"UNSATISFIED".equals(f.satisfaction())) {
                    c[6]++;
                }
            }
            if (f.reopenCount() > 0) {
                c[7]++;
                w[2] += weight;
            }
        }
        java.util.Map<String, ProposalTally> out = new java.util.TreeMap<>();
        counts.forEach((unit, c) -> {
            double[] w = weighted.get(unit);
            out.put(unit, new ProposalTally(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], w[0], w[1], w[2]));
        });
        return out;
    }

    /**
     * A scored unit: deductions and parts rounded to 2 decimals; the 建议提案 part is scored whatever its weight (shown,
     * counted in the total only by its weight).
     */
    public record Score(int rank, Tally tally, double taskDeduction, double taskPart, double inspectionDeduction,
                        double inspectionPart, double total, double proposalsDeduction, double proposalsPart) {
    }

    /** The 建议提案 deduction of one unit under {@code part} (see {@link AssessmentScheme.ProposalsPart}). */
    static double proposalsDeduction(AssessmentScheme.ProposalsPart part, ProposalTally p) {
        double d = part.latePenalty() * p.weightedLate() + part.overduePenalty() * p.weightedOverdue()
                + part.reopenedPenalty() * p.weightedReopened();
        if (p.rated() > 0) {
            d += part.satisfactionPoints() * (p.rated() - p.satisfied()) / p.rated();
        }
        return round(d);
    }

    public static List<Score> score(AssessmentScheme s, List<Tally> tallies) {
        List<Score> unranked = new ArrayList<>();
        for (Tally t : tallies) {
            double taskDeduction = round(s.overdueOpenPenalty() * t.weightedOverdueOpen()
                    + s.doneLatePenalty() * (t.weightedDoneLate() + t.weightedExtendedShortfall()));
            double task = round(Math.max(0, s.base() - taskDeduction));
            double inspectionDeduction = round(t.findingPoints().doubleValue() + s.unrectified() * t.unrectified());
            double inspection = round(Math.max(0, s.inspectionBase() - inspectionDeduction));
            AssessmentScheme.ProposalsPart part = s.proposalsPart();
            ProposalTally pt = t.proposals() == null ? ProposalTally.NONE : t.proposals();
            double proposalsDeduction = proposalsDeduction(part, pt);
            double proposals = round(Math.max(0, part.base() - proposalsDeduction));
            double p = part.share();
            // p = 0 must leave the old formula's arithmetic untouched (same rounding, same numbers)
            double total = p == 0 ? round((1 - s.inspectionWeight()) * task + s.inspectionWeight() * inspection)
                    : round((1 - s.inspectionWeight() - p) * task + s.inspectionWeight() * inspection + p * proposals);
            unranked.add(new Score(0, t, taskDeduction, task, inspectionDeduction, inspection, total, proposalsDeduction, proposals));
        }
        Comparator<Score> byTotal = Comparator.comparingDouble(Score::total).reversed();
        unranked.sort(byTotal.thenComparing(x -> x.tally().unitName() == null ? "" : x.tally().unitName())
                .thenComparing(x -> x.tally().unitId()));
        List<Integer> ranks = Ranks.competition(unranked, byTotal);
        List<Score> out = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Score x = unranked.get(i);
            out.add(new Score(ranks.get(i), x.tally(), x.taskDeduction(), x.taskPart(), x.inspectionDeduction(),
                    x.inspectionPart(), x.total(), x.proposalsDeduction(), x.proposalsPart()));
        }
        return out;
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
