package io.duban.task.event;

import io.duban.common.problem.ProblemException;
import io.duban.common.sql.PagedQuery;
import io.duban.common.sql.Rows;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.deadlines.rule.Trigger;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** 触发事件 in SQL: append-only rows, each written with its feed item in the caller's transaction. */
@ApplicationScoped
public class EventRepository {

    private static final String COLUMNS = "id, region, assignment_id, trigger, occurred_on, occurred_at, title, recorded_by, recorded_at";

    @Inject
    Pool pool;

    private static EventDto map(Row r) {
        OffsetDateTime at = r.getOffsetDateTime("occurred_at");
        return new EventDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), Trigger.valueOf(r.getString("trigger")),
                r.getLocalDate("occurred_on"), at == null ? null : at.toInstant(), r.getString("title"), r.getString("recorded_by"),
                r.getOffsetDateTime("recorded_at").toInstant());
    }

    public Uni<Void> insert(SqlClient tx, EventDto e) {
        return tx.preparedQuery("insert into trigger_event (region, id, assignment_id, trigger, occurred_on, occurred_at, "
                        + "title, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(e.region(), e.id(), e.assignmentId(), e.trigger().name(), e.occurredOn(),
                        e.occurredAt() == null ? null : e.occurredAt().atOffset(ZoneOffset.UTC), e.title(), e.recordedBy(),
                        e.recordedAt().atOffset(ZoneOffset.UTC))))
                .flatMap(v -> ChangeLog.append(tx, e.snapshot()));
    }

    /** One event of the assignment, or 404. */
    public Uni<EventDto> get(String region, UUID assignmentId, UUID eventId) {
        return pool.preparedQuery("select " + COLUMNS + " from trigger_event where region = $1 and assignment_id = $2 and id = $3")
                .execute(Tuple.of(region, assignmentId, eventId))
                .map(rows -> Rows.one(rows, EventRepository::map, () -> ProblemException.notFound("触发事件不存在：" + eventId)));
    }

    /** Whether the event exists and was recorded on this assignment (a progress report may cite only its own). */
    public Uni<Boolean> belongsTo(SqlClient client, String region, UUID eventId, UUID assignmentId) {
        return client.preparedQuery("select 1 from trigger_event where region = $1 and id = $2 and assignment_id = $3")
                .execute(Tuple.of(region, eventId, assignmentId))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Page<EventDto>> list(String region, UUID assignmentId, PageRequest page) {
        return PagedQuery.page(pool, "select " + COLUMNS + " from trigger_event where region = $1 and assignment_id = $2 "
                        + "order by recorded_at, id",
                "select count(*) from trigger_event where region = $1 and assignment_id = $2", List.of(region, assignmentId),
                page, EventRepository::map);
    }
}
