package io.duban.report.extension;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When an extension may be asked for or granted. Plain: the service loads the obligation's state and
 * the count of extensions it was granted, this decides; a refusal is a Chinese sentence (a 422).
 */
public final class ExtensionRules {

    private ExtensionRules() {
    }

    /** What the rules need of an obligation: the due date in force and whether it is done or waiting for 办结审核. */
    public record State(LocalDate dueOn, boolean closed, long granted) {
    }

    /** A unit's request, asked on {@code today}: only while open and not yet overdue, to a later date, within the limit. */
    public static Optional<String> refuseRequest(State o, LocalDate requestedDueOn, LocalDate today, int maxExtensions) {
        if (o.closed()) {
            return Optional.of("该事项已办结（或待审核），不能申请延期。");
        }
        if (o.dueOn().isBefore(today)) {
            return Optional.of("已逾期，不能申请延期（到期日 " + o.dueOn() + "）；如确需延期请联系督办部门。");
        }
        return refuseDate(o, requestedDueOn, maxExtensions);
    }

    /** A grant (an approval or a direct extension): the supervisor may extend an overdue obligation, not a done one. */
    public static Optional<String> refuseGrant(State o, LocalDate newDueOn, int maxExtensions) {
        if (o.closed()) {
            return Optional.of("该事项已办结（或待审核），无需延期。");
        }
        return refuseDate(o, newDueOn, maxExtensions);
    }

    /** An approval may shorten the requested date, never lengthen it. */
    public static Optional<String> refuseApprovedDate(LocalDate approved, LocalDate requested) {
        return approved.isAfter(requested)
                ? Optional.of("批准的日期 " + approved + " 不能晚于申请的日期 " + requested + "。")
                : Optional.empty();
    }

    private static Optional<String> refuseDate(State o, LocalDate newDueOn, int maxExtensions) {
        if (!newDueOn.isAfter(o.dueOn())) {
            return Optional.of("延至日期 " + newDueOn + " 应晚于当前到期日 " + o.dueOn() + "。");
        }
        if (newDueOn.getYear() > 2100) {
            return Optional.of("延至日期应在 2100 年之前。");
        }
        if (o.granted() >= maxExtensions) {
            return Optional.of("该事项已延期 " + o.granted() + " 次，达到本区域的上限（" + maxExtensions + " 次）。");
        }
        return Optional.empty();
    }
}
