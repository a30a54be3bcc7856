package io.duban.deadlines.rule;

/**
 * Reads a 时限要求 cell into a {@link DeadlineRule}. Never throws and never guesses: what it cannot
 * read is {@link DeadlineRule.Unparsed} with a reason.
 */
public final class DeadlineParser {

    private DeadlineParser() {
    }

    public static DeadlineRule parse(String text, PlanContext context) {
        // Skeleton: the real grammar lands with the deadlines issue.
        return new DeadlineRule.Unparsed(text == null ? "" : text, "尚未实现");
    }
}
