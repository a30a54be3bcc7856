package io.duban.task.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.task.assignment.AssignmentDto;
import java.util.List;
import java.util.UUID;

/** A task as the API shows it: the row, its parsed rule, what needs review and (for one task) its assignments. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskDto(UUID id, String region, UUID planId, int seq, List<String> category, String requirement,
        String responsibleText, String deadlineText, DeadlineRule deadline, boolean needsReview, List<ReviewItem> review,
        List<Designation> designated, long version, String number, String note, List<AssignmentDto> assignments) {

    public static TaskDto from(TaskRecord t, List<AssignmentDto> assignments) {
        return new TaskDto(t.id(), t.region(), t.planId(), t.seq(), t.category(), t.requirement(), t.responsibleText(),
                t.deadlineText(), t.deadline(), !t.review().isEmpty(), t.review(), t.designated(), t.version(), t.number(), t.note(),
                assignments);
    }

    /** The same task with only {@code unitId}'s assignments (what a unit token may see). */
    public TaskDto withAssignmentsOf(UUID unitId) {
        List<AssignmentDto> own = assignments == null ? null
                : assignments.stream().filter(a -> unitId.equals(a.unitId())).toList();
        return new TaskDto(id, region, planId, seq, category, requirement, responsibleText, deadlineText, deadline,
                needsReview, review, designated, version, number, note, own);
    }
}
