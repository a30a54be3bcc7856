package io.duban.task.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 办理情况 numbers of a session, in total and per 主办 unit, as of a day: assigned; answered on time (first reply not
 * after the first due day), late, not yet (of which overdue); 解决情况 A/B/C/D by the latest reply with its share of the
 * answered; 满意率 = (满意 + 基本满意) / feedback received; reopened. A proposal with two 主办 units counts for each.
 */
public final class ProposalNumbers {

    private ProposalNumbers() {
    }

    /** What a proposal contributes. */
    public record Fact(String number, String title, List<String> leads, LocalDate firstDue, LocalDate firstReply,
            Terms.Outcome outcome, Terms.Satisfaction satisfaction, int reopenCount) {
    }

    /** One line of the numbers; shares and rates in percent with two decimals, null when there is nothing to divide by. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalNumbersLine")
    public record Line(String unitName, int assigned, int answeredOnTime, int answeredLate, int notAnswered, int overdue,
            Map<Terms.Outcome, Integer> outcomes, Map<Terms.Outcome, BigDecimal> outcomeShares, int feedback, int satisfied,
            int basicallySatisfied, int unsatisfied, BigDecimal satisfactionRate, int reopened) {
    }

    /** The session's total ({@code unitName} null) and one line per 主办 unit by name. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ProposalNumbers")
    public record Numbers(LocalDate asOf, Line total, List<Line> units) {
    }

    public static Numbers of(List<Fact> facts, LocalDate asOf) {
        Map<String, List<Fact>> byUnit = new TreeMap<>();
        for (Fact f : facts) {
            for (String unit : f.leads()) {
                byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(f);
            }
        }
        List<Line> units = new ArrayList<>();
        byUnit.forEach((unit, list) -> units.add(line(unit, list, asOf)));
        return new Numbers(asOf, line(null, facts, asOf), units);
    }

    static Line line(String unit, List<Fact> facts, LocalDate asOf) {
        int onTime = 0, late = 0, open = 0, overdue = 0, feedback = 0, reopened = 0;
        Map<Terms.Satisfaction, Integer> sat = new EnumMap<>(Terms.Satisfaction.class);
        Map<Terms.Outcome, Integer> outcomes = new EnumMap<>(Terms.Outcome.class);
        for (Terms.Outcome o : Terms.Outcome.values()) {
            outcomes.put(o, 0);
        }
        for (Fact f : facts) {
            if (f.firstReply() == null || f.firstReply().isAfter(asOf)) {
                open++;
                if (asOf.isAfter(f.firstDue())) {
                    overdue++;
                }
            } else if (f.firstReply().isAfter(f.firstDue())) {
                late++;
            } else {
                onTime++;
            }
            if (f.outcome() != null) {
                outcomes.merge(f.outcome(), 1, Integer::sum);
            }
            if (f.satisfaction() != null) {
                feedback++;
                sat.merge(f.satisfaction(), 1, Integer::sum);
            }
            if (f.reopenCount() > 0) {
                reopened++;
            }
        }
        int answered = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        Map<Terms.Outcome, BigDecimal> shares = new EnumMap<>(Terms.Outcome.class);
        outcomes.forEach((o, n) -> shares.put(o, percent(n, answered)));
        int satisfied = sat.getOrDefault(Terms.Satisfaction.SATISFIED, 0);
        int basically = sat.getOrDefault(Terms.Satisfaction.BASICALLY_SATISFIED, 0);
        return new Line(unit, facts.size(), onTime, late, open, overdue, outcomes, shares, feedback, satisfied, basically,
                sat.getOrDefault(Terms.Satisfaction.UNSATISFIED, 0), percent(satisfied + basically, feedback), reopened);
    }

    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
