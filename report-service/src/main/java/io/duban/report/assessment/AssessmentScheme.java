package io.duban.report.assessment;

import io.duban.common.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a year's 考核 is scored. Task part: {@code base} minus {@code overdueOpenPenalty} per
 * obligation overdue and still open at year end and {@code doneLatePenalty} per obligation done
 * late, each weighted by the unit's role on the task ({@code roleWeights}); inspection part:
 * {@code inspectionBase} minus the year's finding points; total = (1 − w) × task + w × inspection
 * with w = {@code inspectionWeight} (the plans say inspection counts for at least half). Parts do
 * not go below 0. {@code extendedCompletion} says how an obligation done after its original due date but
 * by a granted extension's date counts (default ON_TIME); {@code unrectifiedDeduction} is taken off the
 * inspection part for each of the year's findings still not closed (销号) at year end (default 0).
 * {@code proposals} is the 建议提案 part (issue 18, {@link ProposalsPart}); with its weight p the total is
 * (1 − w − p) × task + w × inspection + p × proposals, so a scheme without it (p = 0) scores exactly as before.
 */
public record AssessmentScheme(Double base, Double overdueOpenPenalty, Double doneLatePenalty,
                               Map<String, Double> roleWeights, Double inspectionBase, Double inspectionWeight,
                               ExtendedCompletion extendedCompletion, Double unrectifiedDeduction, ProposalsPart proposals) {

    public AssessmentScheme(Double base, Double overdueOpenPenalty, Double doneLatePenalty, Map<String, Double> roleWeights,
                            Double inspectionBase, Double inspectionWeight, ExtendedCompletion extendedCompletion,
                            Double unrectifiedDeduction) {
        this(base, overdueOpenPenalty, doneLatePenalty, roleWeights, inspectionBase, inspectionWeight, extendedCompletion,
                unrectifiedDeduction, null);
    }

    public AssessmentScheme(Double base, Double overdueOpenPenalty, Double doneLatePenalty, Map<String, Double> roleWeights,
                            Double inspectionBase, Double inspectionWeight) {
        this(base, overdueOpenPenalty, doneLatePenalty, roleWeights, inspectionBase, inspectionWeight, null, null);
    }

    /**
     * An extended obligation done by its new date: ON_TIME (no deduction), LATE (the done-late penalty), or PARTIAL
     * ({@code weight} of an on-time completion: the done-late penalty × (1 − weight)).
     */
    public record ExtendedCompletion(String mode, Double weight) {

        static final Set<String> MODES = Set.of("ON_TIME", "LATE", "PARTIAL");

        /** The share of the done-late penalty such a completion costs: 0 on time, 1 late, 1 − weight partial. */
        public double shortfall() {
            return switch (mode == null ? "ON_TIME" : mode) {
                case "LATE" -> 1.0;
                case "PARTIAL" -> 1.0 - (weight == null ? 1.0 : weight);
                default -> 0.0;
            };
        }
    }

    /**
     * The 建议提案 part: of the proposals a unit handled as 主办 (LEAD) or 协办 (CO) in the year's sessions, each weighted
     * by the unit's role ({@code roleWeights}), {@code base} minus {@code latePenalty} per proposal first answered after
     * its due day, {@code overduePenalty} per one not answered and past its due day, {@code reopenedPenalty} per one
     * reopened (重新办理), and {@code satisfactionPoints} × (1 − 满意率), 满意率 = (满意 + 基本满意) / rated (no
     * deduction while nothing is rated). Not below 0. {@code weight} is its share of the total (0 to 0.5; default 0).
     */
    public record ProposalsPart(Double weight, Double base, Double latePenalty, Double overduePenalty, Double reopenedPenalty,
                                Double satisfactionPoints, Map<String, Double> roleWeights) {

        static final Set<String> ROLES = Set.of("LEAD", "CO");

        /** weight 0; base 100; −2 late, −4 overdue, −2 reopened per proposal; 10 points × (1 − 满意率); LEAD 1, CO 0.5. */
        public static ProposalsPart defaults() {
            Map<String, Double> w = new LinkedHashMap<>();
            w.put("LEAD", 1.0);
            w.put("CO", 0.5);
            return new ProposalsPart(0.0, 100.0, 2.0, 4.0, 2.0, 10.0, w);
        }

        public double share() {
            return weight == null ? 0 : weight;
        }

        public double weight(String role) {
            Double w = roleWeights == null ? null : roleWeights.get(role);
            return w == null ? 0 : w;
        }

        void problems(Double inspectionWeight, List<FieldError> e) {
            if (weight == null || weight.isNaN() || weight < 0 || weight > 0.5) {
                e.add(new FieldError("proposals.weight", "proposals.weight 应在 0 到 0.5 之间。"));
            } else if (inspectionWeight != null && inspectionWeight + weight > 1) {
                e.add(new FieldError("proposals.weight", "inspectionWeight 与 proposals.weight 之和不能超过 1。"));
            }
            positive("proposals.base", base, MAX_BASE, e);
            nonNegative("proposals.latePenalty", latePenalty, MAX_PENALTY, e);
            nonNegative("proposals.overduePenalty", overduePenalty, MAX_PENALTY, e);
            nonNegative("proposals.reopenedPenalty", reopenedPenalty, MAX_PENALTY, e);
            nonNegative("proposals.satisfactionPoints", satisfactionPoints, MAX_BASE, e);
            if (roleWeights == null) {
                e.add(new FieldError("proposals.roleWeights", "proposals.roleWeights 不能为空，应给出 LEAD、CO 的权重。"));
            } else {
                for (String role : ROLES.stream().sorted().toList()) {
                    nonNegative("proposals.roleWeights." + role, roleWeights.get(role), MAX_ROLE_WEIGHT, e);
                }
                roleWeights.keySet().stream().filter(k -> !ROLES.contains(k)).sorted().forEach(k -> e.add(
                        new FieldError("proposals.roleWeights." + k, "未知角色 " + k + "，应为 LEAD（主办）或 CO（协办）。")));
            }
        }
    }

    /** The 建议提案 part in force: the scheme's, or the default (weight 0) when it names none. */
    public ProposalsPart proposalsPart() {
        return proposals == null ? ProposalsPart.defaults() : proposals;
    }

    /** The extended-completion rule in force (ON_TIME when the scheme names none). */
    public ExtendedCompletion extended() {
        return extendedCompletion == null ? new ExtendedCompletion("ON_TIME", null) : extendedCompletion;
    }

    static final Set<String> ROLES = Set.of("LEAD", "RESPONSIBLE", "CO");
    /** Scores are out of 100 in every real scheme; 1000 leaves room and keeps 1e308 (and its overflowing sums) out. */
    static final double MAX_BASE = 1000;
    static final double MAX_PENALTY = 100;
    static final double MAX_ROLE_WEIGHT = 10;

    /** base 100; −2 per overdue-open, −1 per done late; LEAD and RESPONSIBLE weigh 1, CO 0; inspection 100; w = 0.5. */
    public static AssessmentScheme defaults() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("LEAD", 1.0);
        w.put("RESPONSIBLE", 1.0);
        w.put("CO", 0.0);
        return new AssessmentScheme(100.0, 2.0, 1.0, w, 100.0, 0.5, new ExtendedCompletion("ON_TIME", null), 0.0,
                ProposalsPart.defaults());
    }

    /** Every problem with the scheme, field by field; empty when it is usable. */
    public List<FieldError> problems() {
        List<FieldError> e = new ArrayList<>();
        positive("base", base, MAX_BASE, e);
        positive("inspectionBase", inspectionBase, MAX_BASE, e);
        nonNegative("overdueOpenPenalty", overdueOpenPenalty, MAX_PENALTY, e);
        nonNegative("doneLatePenalty", doneLatePenalty, MAX_PENALTY, e);
        if (inspectionWeight == null || inspectionWeight.isNaN() || inspectionWeight < 0.5 || inspectionWeight > 1) {
            e.add(new FieldError("inspectionWeight", "inspectionWeight 应在 0.5 到 1 之间（检查结果占年度考核的一半以上）。"));
        }
        if (roleWeights == null) {
            e.add(new FieldError("roleWeights", "roleWeights 不能为空，应给出 LEAD、RESPONSIBLE、CO 的权重。"));
        } else {
            for (String role : ROLES.stream().sorted().toList()) {
                nonNegative("roleWeights." + role, roleWeights.get(role), MAX_ROLE_WEIGHT, e);
            }
            roleWeights.keySet().stream().filter(k -> !ROLES.contains(k)).sorted()
                    .forEach(k -> e.add(new FieldError("roleWeights." + k, "未知角色 " + k + "，应为 LEAD、RESPONSIBLE 或 CO。")));
        }
        if (unrectifiedDeduction != null) {
            nonNegative("unrectifiedDeduction", unrectifiedDeduction, MAX_PENALTY, e);
        }
        if (extendedCompletion != null) {
            ExtendedCompletion x = extendedCompletion;
            if (x.mode() == null || !ExtendedCompletion.MODES.contains(x.mode())) {
                e.add(new FieldError("extendedCompletion.mode", "extendedCompletion.mode 应为 ON_TIME、LATE 或 PARTIAL。"));
            } else if ("PARTIAL".equals(x.mode())) {
                if (x.weight() == null || x.weight().isNaN() || x.weight() < 0 || x.weight() > 1) {
                    e.add(new FieldError("extendedCompletion.weight", "extendedCompletion 为 PARTIAL 时 weight 应为 0 到 1 之间的数。"));
                }
            } else if (x.weight() != null) {
                e.add(new FieldError("extendedCompletion.weight", "只有 PARTIAL 需要 weight。"));
            }
        }
        if (proposals != null) {
            proposals.problems(inspectionWeight, e);
        }
        return e;
    }

    /** Points per finding not closed at year end (0 when the scheme names none). */
    public double unrectified() {
        return unrectifiedDeduction == null ? 0 : unrectifiedDeduction;
    }

    public double weight(String role) {
        Double w = roleWeights == null ? null : roleWeights.get(role);
        return w == null ? 0 : w;
    }

    private static void positive(String field, Double v, double max, List<FieldError> e) {
        if (v == null || v.isNaN() || v.isInfinite() || v <= 0 || v > max) {
            e.add(new FieldError(field, field + " 应为大于 0、不超过 " + (long) max + " 的数。"));
        }
    }

    private static void nonNegative(String field, Double v, double max, List<FieldError> e) {
        if (v == null || v.isNaN() || v.isInfinite() || v < 0 || v > max) {
            e.add(new FieldError(field, field + " 应为 0 到 " + (long) max + " 之间的数。"));
        }
    }
}
