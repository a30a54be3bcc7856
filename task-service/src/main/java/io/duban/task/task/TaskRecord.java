package io.duban.task.task;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.DeadlineRules;
import io.duban.task.common.Json;
import io.duban.feed.FeedJson;
import io.duban.feed.TaskSnapshot;
import io.vertx.mutiny.sqlclient.Row;
import java.util.List;
import java.util.UUID;

/** A task row as stored ({@code number}: the printed number of a document's measure; {@code note}: e.g. 涉密信息除外). */
public record TaskRecord(UUID id, String region, UUID planId, int seq, List<String> category, String requirement,
        String responsibleText, String deadlineText, DeadlineRule deadline, List<ReviewItem> review,
        List<Designation> designated, long version, String number, String note) {

    static final String COLUMNS = "id, region, plan_id, seq, category::text as category, requirement, responsible_text, "
            + "deadline_text, deadline::text as deadline, review::text as review, designated::text as designated, version, number, note";

    public static TaskRecord from(Row r) {
        return new TaskRecord(r.getUUID("id"), r.getString("region"), r.getUUID("plan_id"), r.getInteger("seq"),
                Json.read(r.getString("category"), new TypeReference<List<String>>() { }),
                r.getString("requirement"), r.getString("responsible_text"), r.getString("deadline_text"),
                DeadlineRules.fromJson(r.getString("deadline")),
                Json.read(r.getString("review"), new TypeReference<List<ReviewItem>>() { }),
                Json.read(r.getString("designated"), new TypeReference<List<Designation>>() { }),
                r.getLong("version"), r.getString("number"), r.getString("note"));
    }

    /** The TASK snapshot of the change feed: the rule in the deadlines library's JSON, review reduced to a flag. */
    public TaskSnapshot snapshot() {
        return new TaskSnapshot(id, region, planId, seq, category, requirement, responsibleText, deadlineText,
                deadline == null ? null : FeedJson.tree(DeadlineRules.toJson(deadline)), !review.isEmpty(), version);
    }
}
