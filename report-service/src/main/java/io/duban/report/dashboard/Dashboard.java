package io.duban.report.dashboard;

import io.duban.report.life.AssignmentLife;
import io.duban.report.query.ObligationView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the 大数据中心 dashboard shows for a region (optionally one plan) as of a day.
 * {@code onTimeRate} = on-time completions ÷ obligations that have fallen due or been completed
 * (DONE_ON_TIME + DONE_LATE + OVERDUE); null when there are none. {@code assignmentLife}: 签收, 申诉, 办结审核 and
 * 工作台账 counts (PENDING_REVIEW obligations are neither overdue nor done). {@code supervision}: 红黄蓝灯 and the
 * 督办 counts (issue 14). {@code proposals}: the 建议提案 numbers per session (issue 18). {@code trendYear}: the
 * year {@code monthlyTrend} covers — the plans' year unless the caller asks for another (DashboardService#planYear).
 * {@code worstOverdue}: the first ten of {@code /overdue} for the same filter (longest
 * overdue first), so a dashboard screen is one call, cached with the rest; the rest of that list is {@code /overdue}'s.
 */
public record Dashboard(String region, UUID planId, LocalDate asOf, Map<String, Long> totals, long total,
                        Double onTimeRate, List<UnitOverdue> overdueByUnit, Upcoming dueNext10Workdays,
                        List<MonthTrend> monthlyTrend, Review needsReview, long ongoingItems, boolean provisionalDates,
                        AssignmentLife assignmentLife, SupervisionSummary supervision, List<SessionProposals> proposals,
                        int trendYear, List<ObligationView> worstOverdue) {

    /**
     * One session's 建议提案: assigned; first answered on time, late, not yet as of asOf (of which past the due day);
     * 解决情况 A–D of the latest replies and their shares of the answered (%); rated, 满意 / 基本满意 / 不满意 and 满意率
     * ((满意 + 基本满意) / rated, %); reopened (重新办理). Shares and rates are null when there is nothing to divide by.
     */
    public record SessionProposals(UUID planId, String title, int year, long assigned, long answeredOnTime, long answeredLate,
                                   long notAnswered, long overdue, Map<String, Long> outcomes,
                                   Map<String, java.math.BigDecimal> outcomeShares, long rated, long satisfied,
                                   long basicallySatisfied, long unsatisfied, java.math.BigDecimal satisfactionRate,
                                   long reopened) {
    }

    /** A unit's open overdue obligations, ranked by count then by the worst lateness. */
    public record UnitOverdue(int rank, String unitId, String unitName, long overdue, int maxWorkdaysLate) {
    }

    /** Open obligations due from asOf to the 10th working day after it. */
    public record Upcoming(LocalDate until, long count, List<ObligationView> items) {
    }

    /** Obligations due in a month of {@code trendYear}: how many, done by asOf, done on time, overdue. */
    public record MonthTrend(String month, long due, long done, long doneOnTime, long overdue) {
    }

    /** Items a supervisor must look at: tasks whose 时限 was not understood, assignments with no unit designated. */
    public record Review(long unparsedTasks, long undesignatedAssignments, List<ReviewTask> tasks) {
    }

    /** A task needing review. */
    public record ReviewTask(UUID taskId, Integer seq, String deadlineText, String reason) {
    }
}
