package io.duban.feed;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * One row of a 任务分解表. {@code deadline} is the parsed 时限 in the deadlines library's
 * DeadlineRule JSON (an object with {@code kind}), or null; it stays JSON here so that this
 * contract depends on nothing else of ours, and both sides read and write it with that library.
 */
public record TaskSnapshot(UUID id, String region, UUID planId, int seq, List<String> category, String requirement,
        String responsibleText, String deadlineText, JsonNode deadline, boolean needsReview, long version)
        implements Snapshot {

    @Override
    @JsonIgnore
    public ChangeType changeType() {
        return ChangeType.TASK;
    }

    /** The rule's kind (FIXED, RELATIVE, …), or null without a rule. */
    @JsonIgnore
    public String deadlineKind() {
        return deadline != null && deadline.hasNonNull("kind") ? deadline.get("kind").asText() : null;
    }
}
