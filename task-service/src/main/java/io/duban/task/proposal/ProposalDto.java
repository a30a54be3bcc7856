package io.duban.task.proposal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.task.common.Json;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One 建议/提案 ({@code id} is its task's id). {@code replyDue}: the open round's due day (a reopened proposal's new one);
 * {@code firstDue}: the first round's, against which on time or late is judged; {@code provisional}: a due day in a year
 * without a published holiday schedule.
 */
public record ProposalDto(UUID id, String region, UUID planId, String number, String title, List<String> proposers,
        Terms.Kind kind, LocalDate assignedOn, boolean complex, String leadUnits, String coUnits, LocalDate firstDue,
        LocalDate replyDue, LocalDate coOpinionDue, boolean provisional, Terms.Status status, int round, int reopenCount,
        int reopensAllowed, long version) {

    static final String COLUMNS = "task_id, region, plan_id, number, title, proposers::text as proposers, kind, assigned_on, complex, "
            + "lead_text, co_text, first_due, current_due, co_due, provisional, status, round, reopen_count, reopens_allowed, version";

    static ProposalDto from(Row r) {
        return new ProposalDto(r.getUUID("task_id"), r.getString("region"), r.getUUID("plan_id"), r.getString("number"),
                r.getString("title"), Json.read(r.getString("proposers"), new TypeReference<List<String>>() { }),
                Terms.Kind.valueOf(r.getString("kind")), r.getLocalDate("assigned_on"), r.getBoolean("complex"),
                r.getString("lead_text"), r.getString("co_text"), r.getLocalDate("first_due"), r.getLocalDate("current_due"),
                r.getLocalDate("co_due"), r.getBoolean("provisional"), Terms.Status.valueOf(r.getString("status")),
                r.getInteger("round"), r.getInteger("reopen_count"), r.getInteger("reopens_allowed"), r.getLong("version"));
    }

    /** 提案者 as printed: 王某某、李某某. */
    public String proposersText() {
        return String.join("、", proposers);
    }
}
