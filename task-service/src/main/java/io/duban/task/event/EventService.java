package io.duban.task.event;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Trigger events: append-only facts that open an obligation of a RELATIVE 时限. */
@ApplicationScoped
public class EventService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskRepository tasks;

    @Inject
    EventRepository events;

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
                        return events.insert(tx, event)
                                .flatMap(v -> audit.inTransaction(tx, response.status(), event.id().toString()))
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(response);
                    });
        }));
    }

    /** One trigger event of an assignment the caller may see; 404 otherwise. */
    public Uni<EventDto> one(String region, UUID assignmentId, UUID eventId, UUID unitScope) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> events.get(region, assignmentId, eventId));
    }

    public Uni<Page<EventDto>> list(String region, UUID assignmentId, UUID unitScope, PageRequest page) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> events.list(region, assignmentId, page));
    }
}
