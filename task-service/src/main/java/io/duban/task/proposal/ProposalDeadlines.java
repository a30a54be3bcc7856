package io.duban.task.proposal;

import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.deadlines.period.Period;
import io.duban.deadlines.period.PeriodArithmetic;
import io.duban.deadlines.period.PeriodUnit;
import java.time.LocalDate;

/**
 * The due days of a proposal: N 个月 from 交办 (the start day not counted, the same day number N months later, moved past
 * a statutory holiday it falls on — DESIGN.md's period rules, on the bundled 国务院办公厅 schedules).
 */
public final class ProposalDeadlines {

    private final PeriodArithmetic arithmetic;

    public ProposalDeadlines(WorkdayCalendar calendar) {
        this.arithmetic = new PeriodArithmetic(calendar);
    }

    /** On the calendar shipped with the deadlines library. */
    public static ProposalDeadlines bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final ProposalDeadlines BUNDLED = new ProposalDeadlines(WorkdayCalendar.bundled());
    }

    /** The reply's and the 协办 opinion's due days. */
    public record Dues(LocalDate reply, LocalDate coOpinion, boolean provisional) {
    }

    public Dues of(LocalDate assignedOn, boolean complex, SessionRules rules) {
        DueDate reply = months(assignedOn, complex ? rules.complexReplyMonths() : rules.replyMonths());
        DueDate co = months(assignedOn, rules.coOpinionMonths());
        return new Dues(reply.date(), co.date(), reply.provisional() || co.provisional());
    }

    /** 重新办理: the new reply due day, counted from the day the 不满意 feedback came in. */
    public LocalDate redo(LocalDate from, SessionRules rules) {
        return months(from, rules.redoMonths()).date();
    }

    private DueDate months(LocalDate start, int n) {
        return arithmetic.dueDate(start, new Period(n, PeriodUnit.MONTH));
    }
}
