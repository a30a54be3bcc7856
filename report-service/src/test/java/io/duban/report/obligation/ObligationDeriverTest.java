package io.duban.report.obligation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.deadlines.period.Period;
import io.duban.deadlines.period.PeriodArithmetic;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.Frequency;
import io.duban.deadlines.rule.Trigger;
import io.duban.report.obligation.ObligationFacts.AssignmentFacts;
import io.duban.report.obligation.ObligationFacts.EventFacts;
import io.duban.report.obligation.ObligationFacts.PlanFacts;
import io.duban.report.obligation.ObligationFacts.ReportFacts;
import io.duban.report.obligation.ObligationFacts.TaskFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rules → obligations on the bundled calendar, with the DESIGN.md golden dates. */
class ObligationDeriverTest {

    static final WorkdayCalendar CALENDAR = WorkdayCalendar.bundled();
    static final ObligationDeriver DERIVER = new ObligationDeriver(new PeriodArithmetic(CALENDAR));
    static final PlanFacts PLAN = new PlanFacts(UUID.randomUUID(), LocalDate.of(2023, 8, 9), 2023);

    final AssignmentFacts lead = unit("LEAD");
    final AssignmentFacts responsible = unit("RESPONSIBLE");
    final AssignmentFacts co = unit("CO");

    static AssignmentFacts unit(String role) {
        return new AssignmentFacts(UUID.randomUUID(), "u-" + role, "单位" + role, role, true);
    }

    static TaskFacts task(DeadlineRule rule) {
        return new TaskFacts(UUID.randomUUID(), PLAN.id(), rule);
    }

    List<DerivedObligation> derive(DeadlineRule rule, List<EventFacts> events, List<ReportFacts> reports) {
        return DERIVER.derive(PLAN, task(rule), List.of(lead, responsible, co), events, reports);
    }

    @Test
    void planIssuedTwentyWorkdaysFallsDueOnSeptemberSixthForLeadAndResponsibleButNotCo() {
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.PLAN_ISSUED, Period.workdays(20)),
                List.of(), List.of());
        assertEquals(2, out.size());
        assertTrue(out.stream().allMatch(o -> o.dueOn().equals(LocalDate.of(2023, 9, 6)) && !o.provisional()));
        assertEquals(List.of("LEAD", "RESPONSIBLE"), out.stream().map(DerivedObligation::role).toList());
    }

    @Test
    void fixedRuleIsOneObligationPerOwingUnitDueThatDay() {
        List<DerivedObligation> out = derive(new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31)), List.of(), List.of());
        assertEquals(2, out.size());
        assertTrue(out.stream().allMatch(o -> o.dueOn().equals(LocalDate.of(2023, 12, 31))));
        assertTrue(out.stream().allMatch(o -> o.kind() == DerivedObligation.Kind.FIXED));
    }

    @ParameterizedTest(name = "event {0} + {1} 工作日 = {2}")
    @CsvSource({"2023-09-25, 10, 2023-10-13", "2023-09-25, 20, 2023-10-27", "2023-09-27, 3, 2023-10-08"})
    void triggerEventOpensAnObligationDatedFromTheEvent(LocalDate on, int workdays, LocalDate due) {
        EventFacts e = new EventFacts(UUID.randomUUID(), lead.id(), "INFO_CHANGED", on, on.atTime(9, 0));
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(workdays)),
                List.of(e), List.of());
        assertEquals(1, out.size(), "only the unit the event was reported on owes it");
        assertEquals(due, out.get(0).dueOn());
        assertEquals(e.id(), out.get(0).eventId());
        assertEquals(lead.id() + ":E:" + e.id(), out.get(0).key());
    }

    @Test
    void calendarDaysEndAfterTheHolidayTheyFallIn() {
        LocalDate on = LocalDate.of(2023, 9, 26);
        EventFacts e = new EventFacts(UUID.randomUUID(), lead.id(), "CASE_CLOSED", on, null);
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.CASE_CLOSED, Period.days(3)), List.of(e), List.of());
        assertEquals(LocalDate.of(2023, 10, 7), out.get(0).dueOn());
    }

    @Test
    void hoursCountFromTheEventItself() {
        LocalDate on = LocalDate.of(2023, 9, 25);
        EventFacts e = new EventFacts(UUID.randomUUID(), lead.id(), "EVENT", on, LocalDateTime.of(2023, 9, 25, 22, 0));
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.EVENT,
                new Period(48, io.duban.deadlines.period.PeriodUnit.HOUR)), List.of(e), List.of());
        assertEquals(LocalDateTime.of(2023, 9, 27, 22, 0), out.get(0).dueAt());
        assertEquals(LocalDate.of(2023, 9, 27), out.get(0).dueOn());
    }

    @Test
    void eventsOfAnotherTriggerOpenNothing() {
        EventFacts e = new EventFacts(UUID.randomUUID(), lead.id(), "DECISION_ISSUED", LocalDate.of(2023, 9, 25), null);
        assertTrue(derive(new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(20)), List.of(e), List.of()).isEmpty());
    }

    @Test
    void triggeredObligationIsFulfilledByTheReportNamingItsEvent() {
        EventFacts first = new EventFacts(UUID.randomUUID(), lead.id(), "INFO_CHANGED", LocalDate.of(2023, 9, 25), null);
        EventFacts second = new EventFacts(UUID.randomUUID(), lead.id(), "INFO_CHANGED", LocalDate.of(2023, 11, 1), null);
        ReportFacts done = new ReportFacts(UUID.randomUUID(), lead.id(), "DONE", LocalDate.of(2023, 10, 10), first.id(),
                Instant.parse("2023-10-10T02:00:00Z"));
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(20)),
                List.of(first, second), List.of(done));
        assertEquals(2, out.size());
        assertEquals(LocalDate.of(2023, 10, 10), out.get(0).completedOn());
        assertNull(out.get(1).completedOn());
    }

    @Test
    void firstDoneReportFulfilsANonTriggeredObligation() {
        ReportFacts progress = new ReportFacts(UUID.randomUUID(), lead.id(), "IN_PROGRESS", null, null,
                Instant.parse("2023-08-20T02:00:00Z"));
        ReportFacts late = new ReportFacts(UUID.randomUUID(), lead.id(), "DONE", LocalDate.of(2023, 9, 7), null,
                Instant.parse("2023-09-07T10:00:00Z"));
        ReportFacts again = new ReportFacts(UUID.randomUUID(), lead.id(), "DONE", LocalDate.of(2023, 9, 20), null,
                Instant.parse("2023-09-20T10:00:00Z"));
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.PLAN_ISSUED, Period.workdays(20)),
                List.of(), List.of(again, progress, late));
        assertEquals(LocalDate.of(2023, 9, 7), out.get(0).completedOn());
        assertNull(out.get(1).completedOn(), "another unit's report fulfils nothing of this one");
    }

    @Test
    void monthlyDutyIsOwedForEachMonthAfterIssueAndFulfilledWithinItsMonth() {
        ReportFacts september = new ReportFacts(UUID.randomUUID(), lead.id(), "DONE", LocalDate.of(2023, 9, 28), null,
                Instant.parse("2023-09-28T10:00:00Z"));
        List<DerivedObligation> out = DERIVER.derive(PLAN, task(new DeadlineRule.Recurring(Frequency.MONTHLY, 1, null, null)),
                List.of(lead), List.of(), List.of(september));
        assertEquals(5, out.size());
        assertEquals(LocalDate.of(2023, 9, 30), out.get(1).dueOn());
        assertEquals(LocalDate.of(2023, 9, 28), out.get(1).completedOn());
        assertNull(out.get(0).completedOn());
        assertNull(out.get(2).completedOn());
    }

    @Test
    void undatedRulesAndWithdrawnAssignmentsOweNothing() {
        assertTrue(derive(new DeadlineRule.Ongoing(), List.of(), List.of()).isEmpty());
        assertTrue(derive(new DeadlineRule.Asap(), List.of(), List.of()).isEmpty());
        assertTrue(derive(new DeadlineRule.Unparsed("视情况", "无法识别"), List.of(), List.of()).isEmpty());
        AssignmentFacts withdrawn = new AssignmentFacts(UUID.randomUUID(), "u", "单位", "LEAD", false);
        assertTrue(DERIVER.derive(PLAN, task(new DeadlineRule.Fixed(LocalDate.of(2023, 12, 31))), List.of(withdrawn),
                List.of(), List.of()).isEmpty());
    }

    @Test
    void aPeriodReachingAnUnpublishedYearIsProvisional() {
        LocalDate on = LocalDate.of(2031, 12, 20);
        EventFacts e = new EventFacts(UUID.randomUUID(), lead.id(), "INFO_CHANGED", on, null);
        List<DerivedObligation> out = derive(new DeadlineRule.Relative(Trigger.INFO_CHANGED, Period.workdays(20)),
                List.of(e), List.of());
        assertTrue(out.get(0).provisional());
        assertFalse(derive(new DeadlineRule.Relative(Trigger.PLAN_ISSUED, Period.workdays(20)), List.of(), List.of())
                .get(0).provisional());
    }

    @ParameterizedTest(name = "as of {0}, {1} working days: due soon until {2}")
    @CsvSource({"2023-09-06, 3, 2023-09-10", "2023-09-28, 3, 2023-10-08", "2023-09-30, 1, 2023-10-07"})
    void dueSoonWindowCountsWorkingDaysIncludingToday(LocalDate asOf, int n, LocalDate limit) {
        assertEquals(limit, ObligationStatus.dueSoonLimit(CALENDAR, asOf, n));
    }
}
