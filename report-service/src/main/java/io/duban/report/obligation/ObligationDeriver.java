package io.duban.report.obligation;

import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.period.Period;
import io.duban.deadlines.period.PeriodArithmetic;
import io.duban.deadlines.period.PeriodUnit;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.Trigger;
import io.duban.report.obligation.DerivedObligation.Kind;
import io.duban.report.obligation.ObligationFacts.AssignmentFacts;
import io.duban.report.obligation.ObligationFacts.EventFacts;
import io.duban.report.obligation.ObligationFacts.PlanFacts;
import io.duban.report.obligation.ObligationFacts.ReportFacts;
import io.duban.report.obligation.ObligationFacts.TaskFacts;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a task's rule, its assignments, trigger events and progress reports into dated
 * obligations (应办事项). Only 牵头 (LEAD) and 负责 (RESPONSIBLE) units owe anything; 配合 (CO)
 * units help and carry no obligation of their own. ONGOING, ASAP and UNPARSED rules yield none
 * (长期 items are judged by inspection findings; unparsed ones wait for review). Under 办结审核 a DONE report counts
 * only once accepted; one waiting for the decision dates {@code pendingReviewOn} instead (neither overdue nor done),
 * and a returned one counts for nothing, so the clock runs on until the unit completes again.
 */
public final class ObligationDeriver {

    public static final String DONE = "DONE";
    /** A DONE report made under 办结审核 and not yet decided (the store maps its status so; a returned one is RETURNED). */
    public static final String PENDING_REVIEW = "PENDING_REVIEW";
    private static final Set<String> OWING_ROLES = Set.of("LEAD", "RESPONSIBLE");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final PeriodArithmetic arithmetic;

    public ObligationDeriver(PeriodArithmetic arithmetic) {
        this.arithmetic = arithmetic;
    }

    /** Every obligation of one task; events and reports may include other tasks' (they are filtered by assignment). */
    public List<DerivedObligation> derive(PlanFacts plan, TaskFacts task, List<AssignmentFacts> assignments,
                                          List<EventFacts> events, List<ReportFacts> reports) {
        List<DerivedObligation> out = new ArrayList<>();
        DeadlineRule rule = task.rule();
        if (rule == null || !rule.isDated()) {
            return out;
        }
        for (AssignmentFacts a : assignments) {
            if (!a.active() || !OWING_ROLES.contains(a.role())) {
                continue;
            }
            List<ReportFacts> own = reports.stream()
                    .filter(r -> a.id().equals(r.assignmentId()))
                    .sorted(Comparator.comparing(ReportFacts::reportedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparing(ReportFacts::id))
                    .toList();
            if (rule instanceof DeadlineRule.Fixed f) {
                out.add(obligation(a, "F", Kind.FIXED, null, null, null, null, DueDate.exact(f.date()), null,
                        firstDone(own, null, null), first(own, PENDING_REVIEW, null, null), rule));
            } else if (rule instanceof DeadlineRule.Relative r) {
                relative(plan, a, r, events, own, out);
            } else if (rule instanceof DeadlineRule.Recurring r) {
                recurring(plan, a, r, own, out);
            }
        }
        return out;
    }

    private void relative(PlanFacts plan, AssignmentFacts a, DeadlineRule.Relative r, List<EventFacts> events,
                          List<ReportFacts> own, List<DerivedObligation> out) {
        if (r.trigger() == Trigger.PLAN_ISSUED) {
            // 本方案发布之日起: dated from the plan's issue date, no event needed.
            if (plan.issuedOn() != null) {
                DueDate due = arithmetic.dueDate(plan.issuedOn(), r.period());
                out.add(obligation(a, "P", Kind.RELATIVE, null, plan.issuedOn(), null, r.period(), due, null,
                        firstDone(own, null, null), first(own, PENDING_REVIEW, null, null), r));
            }
            return;
        }
        for (EventFacts e : events) {
            if (!a.id().equals(e.assignmentId()) || !matches(r.trigger(), e.trigger()) || e.occurredOn() == null) {
                continue;
            }
            LocalDate completed = own.stream()
                    .filter(rep -> e.id().equals(rep.eventId()) && DONE.equals(rep.status()))
                    .findFirst().map(ObligationDeriver::completedOn).orElse(null);
            LocalDate pending = own.stream()
                    .filter(rep -> e.id().equals(rep.eventId()) && PENDING_REVIEW.equals(rep.status()))
                    .findFirst().map(ObligationDeriver::completedOn).orElse(null);
            if (r.period().unit() == PeriodUnit.HOUR) {
                LocalDateTime start = e.occurredAt() != null ? e.occurredAt() : e.occurredOn().atStartOfDay();
                LocalDateTime dueAt = arithmetic.dueAt(start, r.period());
                out.add(obligation(a, "E:" + e.id(), Kind.RELATIVE, e.id(), e.occurredOn(), start, r.period(),
                        DueDate.exact(dueAt.toLocalDate()), dueAt, completed, pending, r));
            } else {
                DueDate due = arithmetic.dueDate(e.occurredOn(), r.period());
                out.add(obligation(a, "E:" + e.id(), Kind.RELATIVE, e.id(), e.occurredOn(), null, r.period(), due,
                        null, completed, pending, r));
            }
        }
    }

    private void recurring(PlanFacts plan, AssignmentFacts a, DeadlineRule.Recurring r, List<ReportFacts> own,
                           List<DerivedObligation> out) {
        if (plan.year() == null) {
            return;
        }
        List<RecurringPeriods.Span> spans = RecurringPeriods.within(r, plan.year(), plan.issuedOn());
        for (RecurringPeriods.Span s : spans) {
            // A period is fulfilled by a DONE report completed inside it.
            LocalDate completed = firstDone(own, s.start(), s.end().plusDays(1));
            out.add(obligation(a, "R:" + s.start(), Kind.RECURRING, null, s.start(), null, null, DueDate.exact(s.due()),
                    null, completed, first(own, PENDING_REVIEW, s.start(), s.end().plusDays(1)), r));
        }
    }

    private static boolean matches(Trigger wanted, String actual) {
        return actual == null || actual.isBlank() || wanted.name().equals(actual);
    }

    /** The completion day of the first DONE report (optionally completed within [from, until)). */
    static LocalDate firstDone(List<ReportFacts> own, LocalDate from, LocalDate until) {
        return first(own, DONE, from, until);
    }

    /** The completion day of the first report with {@code status} (optionally completed within [from, until)). */
    static LocalDate first(List<ReportFacts> own, String status, LocalDate from, LocalDate until) {
        return own.stream()
                .filter(r -> status.equals(r.status()))
                .map(ObligationDeriver::completedOn)
                .filter(d -> d != null && (from == null || !d.isBefore(from)) && (until == null || d.isBefore(until)))
                .findFirst().orElse(null);
    }

    private static LocalDate completedOn(ReportFacts r) {
        if (r.completedOn() != null) {
            return r.completedOn();
        }
        return Optional.ofNullable(r.reportedAt()).map(t -> t.atZone(ZONE).toLocalDate()).orElse(null);
    }

    private static DerivedObligation obligation(AssignmentFacts a, String what, Kind kind, java.util.UUID eventId,
                                                LocalDate anchorOn, LocalDateTime anchorAt, Period period, DueDate due,
                                                LocalDateTime dueAt, LocalDate completedOn, LocalDate pendingReviewOn,
                                                DeadlineRule rule) {
        return new DerivedObligation(a.id() + ":" + what, a.id(), a.unitId(), a.unitName(), a.role(), kind, eventId,
                anchorOn, anchorAt, period == null ? null : period.amount(), period == null ? null : period.unit().name(),
                due.date(), dueAt, due.provisional(), completedOn, completedOn == null ? pendingReviewOn : null, rule.describe());
    }
}
