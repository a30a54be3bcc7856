package io.duban.task.tableimport;

import io.duban.task.task.ReviewItem;
import java.util.List;

/** What an import did (or, with dryRun, would do). */
public record ImportResult(int tasks, int assignments, boolean dryRun, List<ReviewItem> needsReview) {
}
