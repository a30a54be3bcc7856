package io.duban.task.task;

import java.util.List;

/**
 * Something in a task a supervisor must look at: an unparsed 时限 (field deadlineText, reason
 * UNPARSED), an unknown unit or a group that names nobody (field responsibleText, reason
 * UNKNOWN_UNIT / UNDESIGNATED_GROUP / EMPTY).
 */
public record ReviewItem(int seq, String field, String reason, String text, List<String> suggestions) {
}
