package io.duban.task.tableimport;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.task.task.ReviewItem;
import java.util.List;

/**
 * What an import did (or, with dryRun, would do). {@code form} says how the body was read (TABLE or
 * DOCUMENT); {@code repairs} lists rows whose shifted cells were put right; a dry run also lists
 * every task as recognised ({@code rows}), so the supervisor sees exactly what would be imported.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(int tasks, int assignments, boolean dryRun, SourceReader.Form form, List<ReviewItem> needsReview,
        List<Repair> repairs, List<Recognised> rows) {

    /** One task as the reader recognised it, with the units its 责任单位 text resolved to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recognised(int seq, String number, int line, List<String> category, String requirement, String responsibleText,
            String deadlineText, DeadlineRule deadline, String note, List<UnitRole> units) {
    }

    /** A unit and its role on a recognised task; {@code formerName}: the name of the plan's year the text used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitRole(String unitName, String role, String formerName) {
    }
}
