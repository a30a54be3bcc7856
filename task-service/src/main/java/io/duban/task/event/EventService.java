package io.duban.task.event;

import io.duban.common.sql.PagedQuery;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.feed.ChangeLog;
import io.duban.task.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Trigger events: append-only facts that open an obligation of a RELATIVE 时限. */
@ApplicationScoped
public class EventService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool pool;

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskRepository tasks;

    public Uni<Idempotency.Stored> record(String region, UUID assignmentId, UUID unitScope, String key, EventRequest body, String who) {
        List<FieldError> errors = EventRules.check(body, LocalDate.now(CHINA), CHINA);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("触发事件内容有误。", errors);
        }
        String idemKey = Idempotency.validKey(key, unitScope);
        String hash = Idempotency.hash("event", assignmentId.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(replay.get());
            }
            return assignments.get(tx, region, assignmentId, unitScope)
                    .invoke(a -> {
                        if (!a.active()) {
                            // as for progress reports: a withdrawn assignment owes nothing, so it takes no events
                            throw ProblemException.conflict("该责任分解已撤销（任务已更正），不能再记录触发事件。");
                        }
                    })
                    .flatMap(a -> tasks.get(tx, region, a.taskId()))
                    .flatMap(task -> {
                        EventRules.refusal(task.deadline(), body.trigger()).ifPresent(reason -> {
                            throw ProblemException.unprocessable(reason).with("trigger", body.trigger().name());
                        });
                        EventDto event = new EventDto(UUID.randomUUID(), region, assignmentId, body.trigger(), body.occurredOn(),
                                body.occurredAt() == null ? null : body.occurredAt().toInstant().truncatedTo(ChronoUnit.MICROS),
                                body.title().strip(), who, Instant.now().truncatedTo(ChronoUnit.MICROS));
                        Idempotency.Stored response = new Idempotency.Stored(201, Json.write(event));
                        return tx.preparedQuery("insert into trigger_event (region, id, assignment_id, trigger, occurred_on, occurred_at, "
                                        + "title, recorded_by, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                                .execute(Tuple.tuple(Arrays.asList(region, event.id(), assignmentId, event.trigger().name(),
                                        event.occurredOn(), event.occurredAt() == null ? null : event.occurredAt().atOffset(ZoneOffset.UTC),
                                        event.title(), who, event.recordedAt().atOffset(ZoneOffset.UTC))))
                                .flatMap(v -> ChangeLog.append(tx, event.snapshot()))
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(response);
                    });
        }));
    }

    /** One trigger event of an assignment the caller may see; 404 otherwise. */
    public Uni<EventDto> one(String region, UUID assignmentId, UUID eventId, UUID unitScope) {
        return assignments.get(pool, region, assignmentId, unitScope).flatMap(a -> pool.preparedQuery("select " + EventDto.COLUMNS
                        + " from trigger_event where region = $1 and assignment_id = $2 and id = $3")
                .execute(Tuple.of(region, assignmentId, eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("触发事件不存在：" + eventId);
                    }
                    return EventDto.from(rows.iterator().next());
                }));
    }

    public Uni<Page<EventDto>> list(String region, UUID assignmentId, UUID unitScope, PageRequest page) {
        return assignments.get(pool, region, assignmentId, unitScope).flatMap(a -> {
            return PagedQuery.page(pool, "select " + EventDto.COLUMNS + " from trigger_event "
                            + "where region = $1 and assignment_id = $2 order by recorded_at, id",
                    "select count(*) from trigger_event where region = $1 and assignment_id = $2", List.of(region, assignmentId),
                    page, EventDto::from);
        });
    }
}
