package io.duban.report.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A year's 考核 per unit as of a day: task part with its counts, inspection part with its findings,
 * total and rank, and the scheme used. {@code finalized} ones are frozen copies.
 */
public record Assessment(String region, int year, LocalDate asOf, AssessmentScheme scheme, boolean finalized,
                         OffsetDateTime finalizedAt, String finalizedBy, List<UnitResult> units) {

    /**
     * {@code returns}: 退回次数 of the year (办结审核 returns of the unit's completions); shown, not scored.
     * {@code proposals}: the 建议提案 part (null in copies made before issue 18).
     */
    public record UnitResult(int rank, String unitId, String unitName, TaskPart task, InspectionPart inspection,
                             double total, long returns, ProposalPart proposals) {
    }

    /**
     * The 建议提案 the unit handled as 主办 or 协办 in the year's sessions, as of asOf: first answered on time, late, not
     * yet (of which past the due day); rated, 满意率 (满意 + 基本满意 over rated, %); reopened; the part's deduction and
     * score (counted in the total by the scheme's proposals weight).
     */
    public record ProposalPart(long handled, long answeredOnTime, long answeredLate, long notAnswered, long overdue, long rated,
                               BigDecimal satisfactionRate, long reopened, double deduction, double score) {
    }

    /**
     * Obligations due in the year by outcome as of asOf; {@code pending} = not yet due or due but not late;
     * {@code extended} = of the on-time ones, those done after the original due date by a granted extension's.
     */
    public record TaskPart(long due, long onTime, long doneLate, long overdueOpen, long pending, double deduction,
                           double score, Long extended) {
    }

    /** {@code unrectified}: the findings not closed (销号) as of the computation (null in copies made before issue 14). */
    public record InspectionPart(BigDecimal points, double score, List<FindingLine> findings, Long unrectified) {
    }

    public record FindingLine(UUID id, LocalDate foundOn, String source, String description, BigDecimal points) {
    }

    /** One obligation in the 任务明细 sheet. */
    public record ObligationLine(String unitId, String unitName, String role, Integer taskSeq, String requirement,
                                 String rule, LocalDate dueOn, LocalDate completedOn, String status, int workdaysLate) {
    }

    /** What is computed and, on finalize, stored: the assessment and the obligations behind it. */
    public record Full(Assessment assessment, List<ObligationLine> obligations) {
    }
}
