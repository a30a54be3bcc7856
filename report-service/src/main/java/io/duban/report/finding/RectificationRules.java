package io.duban.report.finding;

import io.duban.deadlines.calendar.WorkdayCalendar;
import java.time.LocalDate;
import java.util.Optional;

/**
 * 整改 → 复核 → 销号 of a finding. A finding that needs rectification starts OPEN (待整改) with a
 * {@code rectifyBy} day; the unit's report makes it RECTIFIED (已整改); the supervisor's verification
 * PASS closes it (CLOSED, 销号) and FAIL sends it back to OPEN — the clock keeps its original
 * {@code rectifyBy}. NOT_REQUIRED findings (a commendation, a one-off deduction, a withdrawal) have no loop.
 * An OPEN finding past its {@code rectifyBy} that no later finding voids is overdue.
 */
public final class RectificationRules {

    public static final String OPEN = "OPEN";
    public static final String RECTIFIED = "RECTIFIED";
    public static final String CLOSED = "CLOSED";
    public static final String NOT_REQUIRED = "NOT_REQUIRED";

    /** Overdue as of {@code :asOf} over a finding {@code f} (the caller substitutes the parameter). */
    public static final String OVERDUE = "f.rectification_state = 'OPEN' AND f.rectify_by < :asOf"
            + " AND NOT EXISTS (SELECT 1 FROM finding v WHERE v.region = f.region AND v.voids = f.id)";

    private RectificationRules() {
    }

    /** The default deadline: the N-th working day after the day it was found (the start day is not counted). */
    public static LocalDate defaultRectifyBy(WorkdayCalendar calendar, LocalDate foundOn, int workingDays) {
        return calendar.addWorkdays(foundOn, workingDays).date();
    }

    /** Why the unit may not report a rectification now (a 409), or empty. */
    public static Optional<String> refuseRectification(String state, boolean voided) {
        if (voided) {
            return Optional.of("该检查问题已被更正，请对更正后的那一条报送整改。");
        }
        return switch (state) {
            case OPEN -> Optional.empty();
            case RECTIFIED -> Optional.of("已报送整改，正在等待复核。");
            case CLOSED -> Optional.of("该问题已销号，无需再报送整改。");
            default -> Optional.of("该问题无需整改。");
        };
    }

    /** Why the supervisor may not verify now (a 409), or empty: only a RECTIFIED finding is verified. */
    public static Optional<String> refuseVerification(String state) {
        return RECTIFIED.equals(state) ? Optional.empty()
                : Optional.of(CLOSED.equals(state) ? "该问题已销号。" : "单位尚未报送整改，无从复核。");
    }

    /** PASS closes it (销号); FAIL sends it back to the unit. */
    public static String afterVerification(boolean pass) {
        return pass ? CLOSED : OPEN;
    }

    /** Whether it is overdue as of {@code asOf} (Java twin of {@link #OVERDUE} for one finding). */
    public static boolean overdue(String state, LocalDate rectifyBy, boolean voided, LocalDate asOf) {
        return OPEN.equals(state) && rectifyBy != null && rectifyBy.isBefore(asOf) && !voided;
    }

    /** 待整改, 已整改（待复核）, 已销号, 无需整改 — and 逾期未整改 when overdue. */
    public static String label(String state, boolean overdue) {
        if (overdue) {
            return "逾期未整改";
        }
        return switch (state == null ? "" : state) {
            case OPEN -> "待整改";
            case RECTIFIED -> "已整改，待复核";
            case CLOSED -> "已销号";
            case NOT_REQUIRED -> "无需整改";
            default -> "—";
        };
    }
}
