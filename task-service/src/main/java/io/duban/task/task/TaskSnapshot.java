package io.duban.task.task;

import io.duban.deadlines.rule.DeadlineRule;
import java.util.List;
import java.util.UUID;

/** A task as the change feed carries it (the contract with report-service). */
public record TaskSnapshot(UUID id, String region, UUID planId, int seq, List<String> category, String requirement,
        String responsibleText, String deadlineText, DeadlineRule deadline, boolean needsReview, long version) {

    public static TaskSnapshot from(TaskRecord t) {
        return new TaskSnapshot(t.id(), t.region(), t.planId(), t.seq(), t.category(), t.requirement(),
                t.responsibleText(), t.deadlineText(), t.deadline(), !t.review().isEmpty(), t.version());
    }
}
