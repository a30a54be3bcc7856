package io.duban.task.proposal;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** A recorded 提案质量评议表; {@code total} out of 100. */
public record EvaluationDto(UUID id, UUID proposalId, int topic, int analysis, int feasibility, int expression, int total,
        boolean excellent, String comment, String recordedBy, Instant recordedAt) {

    static final String COLUMNS = "id, task_id, topic, analysis, feasibility, expression, excellent, comment, recorded_by, recorded_at";

    static EvaluationDto from(Row r) {
        int topic = r.getInteger("topic"), analysis = r.getInteger("analysis"), feasibility = r.getInteger("feasibility"),
                expression = r.getInteger("expression");
        return new EvaluationDto(r.getUUID("id"), r.getUUID("task_id"), topic, analysis, feasibility, expression,
                topic + analysis + feasibility + expression, r.getBoolean("excellent"), r.getString("comment"),
                r.getString("recorded_by"), r.getOffsetDateTime("recorded_at").toInstant());
    }
}
