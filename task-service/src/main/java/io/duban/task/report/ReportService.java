package io.duban.task.report;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Ids;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.task.acknowledgement.AcknowledgementDto;
import io.duban.task.acknowledgement.AcknowledgementRepository;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.common.Days;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.event.EventRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Progress reports: append-only, each one moves the assignment's status and version forward in
 * the same transaction. The version check is a conditional UPDATE, so of many concurrent reports
 * made against the same version exactly one wins and the rest get 412.
 */
@ApplicationScoped
public class ReportService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    Pool pool;

    @Inject
    AssignmentRepository assignments;

    @Inject
    AcknowledgementRepository acknowledgements;

    @Inject
    ReportRepository reports;

    @Inject
    EventRepository events;

    @Inject
    AuditTrail audit;

    /**
     * The answer to a report: status and JSON body, with the report's id and the assignment's new version for the
     * Location and the ETag. A first answer carries them from the objects it was written from; only a replayed one
     * (Idempotency-Key) reads them back from the stored body.
     */
    public record Created(int status, String body, UUID reportId, long assignmentVersion) {

        static Created replayed(Idempotency.Stored stored) {
            ReportResponse r = Json.read(stored.body(), ReportResponse.class);
            return new Created(stored.status(), stored.body(), r.report().id(), r.assignmentVersion());
        }
    }

    public Uni<Created> report(String region, UUID assignmentId, UUID unitScope, String ifMatch, String key,
            ReportRequest body, String who) {
        long expected = ETags.requireVersion(ifMatch);
        List<FieldError> errors = ReportRules.check(body, LocalDate.now(CHINA));
        if (!errors.isEmpty()) {
            throw ProblemException.validation("进展报告内容不完整或有误。", errors);
        }
        String idemKey = Idempotency.validKey(key, unitScope);
        UUID eventId = Ids.optional("eventId", body.eventId());
        // the request's hash only matters for a key: without one, no JSON of the body and no SHA-256 per report
        String hash = idemKey == null ? null : Idempotency.hash("report", assignmentId.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(Created.replayed(replay.get()));
            }
            // the conditional UPDATE comes first: on the hot path a report is one UPDATE and one INSERT
            return assignments.report(tx, region, assignmentId, unitScope, expected, body.status(), Days.today())
                    .flatMap(moved -> {
                        if (moved.isEmpty()) {
                            return explainRefusal(tx, region, assignmentId, unitScope, expected);
                        }
                        AssignmentDto updated = moved.get().assignment();
                        boolean signs = moved.get().previous() == AssignmentStatus.PENDING_ACK;
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        ReportDto report = new ReportDto(UUID.randomUUID(), region, assignmentId, body.status(),
                                blankToNull(body.note()), body.evidenceUrls() == null ? List.of()
                                        : body.evidenceUrls().stream().map(String::trim).toList(),
                                body.completedOn(), eventId, who, now, updated.status() == AssignmentStatus.PENDING_REVIEW);
                        Idempotency.Stored response = new Idempotency.Stored(201, Json.write(new ReportResponse(report, updated.version())));
                        Created created = new Created(response.status(), response.body(), report.id(), updated.version());
                        Uni<Void> acknowledgement = signs
                                ? acknowledgements.insert(tx, AcknowledgementDto.of(updated, AcknowledgementDto.VIA_REPORT, who, now))
                                : Uni.createFrom().voidItem();
                        // the audit record commits with the report, sent together with it on the connection (pipelined:
                        // the hot write waits for one round trip, not two)
                        return checkEvent(tx, region, updated, eventId)
                                .flatMap(v -> Uni.combine().all().unis(reports.insert(tx, report, updated),
                                        audit.inTransaction(tx, 201, report.id().toString())).discardItems())
                                .flatMap(v -> acknowledgement)
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(created);
                    });
        }));
    }

    /** The body of a 201: the report plus the assignment's new version for the next If-Match. */
    public record ReportResponse(ReportDto report, long assignmentVersion) {
    }

    private Uni<Void> checkEvent(SqlClient tx, String region, AssignmentDto a, UUID eventId) {
        if (eventId == null) {
            return Uni.createFrom().voidItem();
        }
        return events.belongsTo(tx, region, eventId, a.id()).map(found -> {
            if (!found) {
                throw ProblemException.unprocessable("触发事件不存在或不属于该责任分解：" + eventId).with("eventId", eventId.toString());
            }
            return null;
        });
    }

    private static ProblemException stale(long current) {
        return ProblemException.preconditionFailed("责任分解已被更新（当前版本 " + current + "），请重新读取后再报告。");
    }

    /** Why the conditional UPDATE touched nothing: 404 (none, or another unit's), 409 (deactivated) or 412 (stale). */
    private <T> Uni<T> explainRefusal(SqlClient tx, String region, UUID assignmentId, UUID unitScope, long expected) {
        return assignments.get(tx, region, assignmentId, unitScope).map(a -> {
            if (!a.active()) {
                throw ProblemException.conflict("该责任分解已撤销（任务已更正），不能再报告进展。");
            }
            throw stale(a.version());
        });
    }

    public Uni<Page<ReportDto>> history(String region, UUID assignmentId, UUID unitScope, PageRequest page) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> reports.history(region, assignmentId, page));
    }

    /** One report of an assignment the caller may see; 404 otherwise. */
    public Uni<ReportDto> one(String region, UUID assignmentId, UUID reportId, UUID unitScope) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> reports.get(region, assignmentId, reportId));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
