package io.duban.report.assessment;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.report.finding.Finding;
import io.duban.report.finding.FindingService;
import io.duban.report.finding.RectificationRules;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.duban.report.query.ObligationView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Year-end 考核: the scheme per year, the computation over obligations due in the year and the
 * year's findings, and finalizing (a frozen copy that later facts never change). The statements are
 * {@link AssessmentRepository}'s; this class checks requests and owns each unit of work.
 */
@ApplicationScoped
public class AssessmentService {

    @Inject
    AuditTrail audit;

    @Inject
    io.duban.report.life.ReturnCounts returnCounts;

    @Inject
    Pool pool;

    @Inject
    ObligationQueries queries;

    @Inject
    FindingService findings;

    @Inject
    AssessmentRepository assessments;

    /** A scheme with its version; version 0 is the built-in default (nothing stored yet). */
    public record VersionedScheme(AssessmentScheme scheme, long version) {
    }

    /**
     * The default day of judgement: 1 January of the next year. Everything due in the year has
     * fallen due by then, so an obligation due 12-31 and not done that day counts as overdue at
     * year end (as of 12-31 itself it would not be late yet).
     */
    public static LocalDate defaultAsOf(int year) {
        return LocalDate.of(year + 1, 1, 1);
    }

    public Uni<VersionedScheme> scheme(String region, int year) {
        return assessments.scheme(region, year).map(stored -> stored
                .map(st -> new VersionedScheme(st.scheme(), st.version()))
                .orElseGet(() -> new VersionedScheme(AssessmentScheme.defaults(), 0)));
    }

    /** Replaces the year's scheme: 400 with errors[] when invalid, If-Match once stored, 409 once the year is finalized. */
    public Uni<VersionedScheme> putScheme(String region, int year, AssessmentScheme s, String ifMatch, String by) {
        if (s == null) {
            throw ProblemException.invalidField("body", "缺少请求体。");
        }
        var problems = s.problems();
        if (!problems.isEmpty()) {
            throw ProblemException.validation("考核方案不符合要求：" + problems.get(0).message(), problems);
        }
        return pool.withTransaction(c -> assessments.finalized(c, region, year).chain(done -> {
            if (done) {
                throw ProblemException.conflict(year + " 年度考核已定稿，方案不能再修改。");
            }
            return assessments.lockSchemeVersion(c, region, year);
        }).chain(version -> {
            if (version.isEmpty()) {
                if (ifMatch != null && !ifMatch.isBlank() && ETags.requireVersion(ifMatch) != 0) {
                    throw ProblemException.preconditionFailed("该年度尚未保存考核方案（当前为默认方案，版本 0）。");
                }
                return assessments.insertScheme(c, region, year, s, by);
            }
            ETags.check(ifMatch, version.get());
            return assessments.updateScheme(c, region, year, s, by);
        }).call(v -> audit.inTransaction(c, 200)).map(v -> new VersionedScheme(s, v)));
    }

    /** The finalized assessment when there is one, else computed now as of {@code asOf} (default: 1 January after). */
    public Uni<Assessment.Full> get(String region, int year, LocalDate asOf) {
        return stored(region, year).chain(frozen -> frozen != null ? Uni.createFrom().item(frozen)
                : scheme(region, year).chain(s -> compute(region, year, asOf != null ? asOf : defaultAsOf(year), s.scheme())));
    }

    /** Freezes the year's assessment as computed now; a second finalize is a 409. */
    public Uni<Assessment.Full> finalizeYear(String region, int year, LocalDate asOf, String by) {
        return stored(region, year).chain(frozen -> {
            if (frozen != null) {
                throw ProblemException.conflict(year + " 年度考核已于 " + frozen.assessment().finalizedAt() + " 定稿。");
            }
            return scheme(region, year).chain(s -> compute(region, year, asOf != null ? asOf : defaultAsOf(year), s.scheme()));
        }).chain(full -> pool.withTransaction(c -> assessments.insertFinal(c, region, year, full, by)
                .call(finalizedAt -> finalizedAt.isPresent() ? audit.inTransaction(c, 200) : Uni.createFrom().voidItem())).map(finalizedAt -> {
            if (finalizedAt.isEmpty()) {
                throw ProblemException.conflict(year + " 年度考核已定稿。");
            }
            Assessment a = full.assessment();
            return new Assessment.Full(new Assessment(a.region(), a.year(), a.asOf(), a.scheme(), true,
                    finalizedAt.get(), by, a.units()), full.obligations());
        }));
    }

    private Uni<Assessment.Full> stored(String region, int year) {
        return assessments.finalResult(region, year).map(f -> f.orElse(null));
    }

    Uni<Assessment.Full> compute(String region, int year, LocalDate asOf, AssessmentScheme scheme) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Uni<List<ObligationView>> obligations = queries.all(ObligationFilter.region(region, asOf).withDue(first, last).workPlansOnly(), List.of(),
                "x.unit_name, x.unit_id, x.due_on, x.task_seq NULLS LAST, x.id");
        Uni<List<Finding>> found = findings.effective(region, first, last);
        Uni<Map<String, String>> assigned = assessments.assignedUnits(region, year);
        Uni<Map<String, Long>> returned = returnCounts.byUnit(region, first, asOf.isBefore(last) ? asOf : last, List.of());
        Uni<List<Scoring.ProposalFact>> handled = assessments.proposals(region, year);
        return Uni.combine().all().unis(obligations, found, assigned, returned, handled).asTuple()
                .map(t -> assess(region, year, asOf, scheme, t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5()));
    }

    private static Assessment.ProposalPart proposalPart(Scoring.ProposalTally p, Scoring.Score s) {
        return new Assessment.ProposalPart(p.handled(), p.answeredOnTime(), p.answeredLate(), p.notAnswered(), p.overdue(),
                p.rated(), p.satisfactionRate(), p.reopened(), s.proposalsDeduction(), s.proposalsPart());
    }

    /** Findings whose 整改 loop is not closed (a finding with no loop, NOT_REQUIRED, never counts). */
    private static long unrectified(List<Finding> found) {
        return found.stream().filter(f -> RectificationRules.OPEN.equals(f.rectification())
                || RectificationRules.RECTIFIED.equals(f.rectification())).count();
    }

    /** The computation itself, over rows already loaded. */
    static Assessment.Full assess(String region, int year, LocalDate asOf, AssessmentScheme scheme, List<ObligationView> rows,
                                  List<Finding> found, Map<String, String> assignedUnits) {
        return assess(region, year, asOf, scheme, rows, found, assignedUnits, Map.of());
    }

    /** With each unit's 退回次数 ({@code returns}, by unit id): completions count only once accepted; returns are shown. */
    static Assessment.Full assess(String region, int year, LocalDate asOf, AssessmentScheme scheme, List<ObligationView> rows,
                                  List<Finding> found, Map<String, String> assignedUnits, Map<String, Long> returns) {
        return assess(region, year, asOf, scheme, rows, found, assignedUnits, returns, List.of());
    }

    /**
     * With the 建议提案 each unit handled in the year's sessions ({@code handled}): a unit that handled proposals and
     * nothing else is listed only when the scheme weighs the part (so a scheme without it lists the same units).
     */
    static Assessment.Full assess(String region, int year, LocalDate asOf, AssessmentScheme scheme, List<ObligationView> rows,
                                  List<Finding> found, Map<String, String> assignedUnits, Map<String, Long> returns,
                                  List<Scoring.ProposalFact> handled) {
        Map<String, String> names = new TreeMap<>(assignedUnits);
        Map<String, Scoring.ProposalTally> proposalTallies = Scoring.tallyProposals(scheme.proposalsPart(), handled, asOf);
        if (scheme.proposalsPart().share() > 0) {
            handled.forEach(f -> names.putIfAbsent(f.unitId(), f.unitName()));
        }
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, double[]> weighted = new TreeMap<>();
        for (ObligationView o : rows) {
            names.putIfAbsent(o.unitId(), o.unitName());
            long[] c = counts.computeIfAbsent(o.unitId(), k -> new long[6]);
            double[] w = weighted.computeIfAbsent(o.unitId(), k -> new double[3]);
            double weight = scheme.weight(o.role());
            c[0]++;
            switch (o.status()) {
                case "DONE_ON_TIME" -> {
                    c[1]++;
                    // on time only thanks to a granted extension: the scheme says how that counts
                    if (o.extended() && o.completedOn() != null && o.completedOn().isAfter(o.originalDueOn())) {
                        c[5]++;
                        w[2] += weight * scheme.extended().shortfall();
                    }
                }
                case "DONE_LATE" -> {
                    c[2]++;
                    w[0] += weight;
                }
                case "OVERDUE" -> {
                    c[3]++;
                    w[1] += weight;
                }
                default -> c[4]++;
            }
        }
        // a correction with 0 points withdraws the finding it voids
        List<Finding> counted = found.stream().filter(f -> !(f.voids() != null && f.points().signum() == 0)).toList();
        Map<String, List<Finding>> byUnit = new TreeMap<>();
        for (Finding f : counted) {
            names.putIfAbsent(f.unitId(), f.unitName());
            byUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f);
        }
        List<Scoring.Tally> tallies = new ArrayList<>();
        names.forEach((unit, name) -> {
            long[] c = counts.getOrDefault(unit, new long[6]);
            double[] w = weighted.getOrDefault(unit, new double[3]);
            BigDecimal points = byUnit.getOrDefault(unit, List.of()).stream().map(Finding::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            tallies.add(new Scoring.Tally(unit, name == null ? unit : name, c[0], c[1], c[2], c[3], c[4], w[0], w[1], points,
                    w[2], unrectified(byUnit.getOrDefault(unit, List.of())),
                    proposalTallies.getOrDefault(unit, Scoring.ProposalTally.NONE)));
        });
        Map<String, Long> extendedCount = new TreeMap<>();
        counts.forEach((unit, c) -> extendedCount.put(unit, c[5]));
        List<Assessment.UnitResult> units = new ArrayList<>();
        for (Scoring.Score s : Scoring.score(scheme, tallies)) {
            Scoring.Tally t = s.tally();
            List<Assessment.FindingLine> lines = byUnit.getOrDefault(t.unitId(), List.of()).stream()
                    .sorted(Comparator.comparing(Finding::foundOn))
                    .map(f -> new Assessment.FindingLine(f.id(), f.foundOn(), f.source(), f.description(), f.points())).toList();
            units.add(new Assessment.UnitResult(s.rank(), t.unitId(), t.unitName(),
                    new Assessment.TaskPart(t.due(), t.onTime(), t.doneLate(), t.overdueOpen(), t.pending(), s.taskDeduction(),
                            s.taskPart(), extendedCount.getOrDefault(t.unitId(), 0L)),
                    new Assessment.InspectionPart(t.findingPoints(), s.inspectionPart(), lines, t.unrectified()), s.total(),
                    returns.getOrDefault(t.unitId(), 0L), proposalPart(t.proposals(), s)));
        }
        List<Assessment.ObligationLine> details = rows.stream().map(o -> new Assessment.ObligationLine(o.unitId(), o.unitName(),
                o.role(), o.taskSeq(), o.requirement(), o.rule(), o.dueOn(),
                o.status().startsWith("DONE") ? o.completedOn() : null, o.status(), o.workdaysLate())).toList();
        return new Assessment.Full(new Assessment(region, year, asOf, scheme, false, null, null, units), details);
    }
}
