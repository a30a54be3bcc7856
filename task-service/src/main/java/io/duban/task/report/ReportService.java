package io.duban.task.report;

import io.duban.common.audit.AuditTrail;
import io.duban.common.web.Ids;
import io.duban.common.sql.PagedQuery;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.acknowledgement.AcknowledgementDto;
import io.duban.task.acknowledgement.AcknowledgementRepository;
import io.duban.task.common.Days;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.feed.ChangeType;
import io.duban.feed.FeedJson;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
    AuditTrail audit;

    /** The created report with the assignment's new version (for the ETag). */
    public record Created(int status, String body, long assignmentVersion) {
    }

    public Uni<Idempotency.Stored> report(String region, UUID assignmentId, UUID unitScope, String ifMatch, String key,
            ReportRequest body, String who) {
        long expected = ETags.requireVersion(ifMatch);
        List<FieldError> errors = ReportRules.check(body, LocalDate.now(CHINA));
        if (!errors.isEmpty()) {
            throw ProblemException.validation("进展报告内容不完整或有误。", errors);
        }
        String idemKey = Idempotency.validKey(key, unitScope);
        UUID eventId = Ids.optional("eventId", body.eventId());
        String hash = Idempotency.hash("report", assignmentId.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(replay.get());
            }
            // the conditional UPDATE comes first: on the hot path a report is one UPDATE and one INSERT. Under 办结审核
            // (the region's completionReview REQUIRED) a DONE report puts the assignment in PENDING_REVIEW; the
            // self-join reads the status before the update (a PENDING_ACK one is signed for by this report).
            String scoped = unitScope == null ? "" : " and a.unit_id = $6";
            Tuple args = Tuple.of(region, assignmentId, body.status().name(), expected, Days.today());
            if (unitScope != null) {
                args.addUUID(unitScope);
            }
            return tx.preparedQuery("update assignment a set status = case when $3 = 'DONE' and exists (select 1 from region_settings s "
                            + "where s.region = $1 and s.completion_review = 'REQUIRED') then 'PENDING_REVIEW' else $3 end, "
                            + "acknowledged_on = coalesce(a.acknowledged_on, $5), version = a.version + 1 "
                            + "from assignment was where was.region = $1 and was.id = $2 and a.region = $1 and a.id = $2 "
                            + "and a.version = $4 and a.active" + scoped + " returning " + prefixed("a") + ", was.status as previous_status")
                    .execute(args)
                    .flatMap(rows -> {
                        if (rows.rowCount() == 0) {
                            return explainRefusal(tx, region, assignmentId, unitScope, expected);
                        }
                        Row row = rows.iterator().next();
                        AssignmentDto updated = AssignmentDto.from(row);
                        boolean signs = AssignmentStatus.PENDING_ACK.name().equals(row.getString("previous_status"));
                        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                        ReportDto report = new ReportDto(UUID.randomUUID(), region, assignmentId, body.status(),
                                blankToNull(body.note()), body.evidenceUrls() == null ? List.of()
                                        : body.evidenceUrls().stream().map(String::trim).toList(),
                                body.completedOn(), eventId, who, now, updated.status() == AssignmentStatus.PENDING_REVIEW);
                        Idempotency.Stored response = new Idempotency.Stored(201, Json.write(new ReportResponse(report, updated.version())));
                        Uni<Void> acknowledgement = signs
                                ? acknowledgements.insert(tx, AcknowledgementDto.of(updated, AcknowledgementDto.VIA_REPORT, who, now))
                                : Uni.createFrom().voidItem();
                        return checkEvent(tx, region, updated, eventId)
                                .flatMap(v -> insert(tx, report, updated))
                                .flatMap(v -> acknowledgement)
                                // the audit record commits with the report (the hot write: no second round trip)
                                .flatMap(v -> audit.inTransaction(tx, 201, report.id().toString()))
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(response);
                    });
        }));
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(AssignmentDto.COLUMNS.split(",")).map(c -> alias + "." + c.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The body of a 201: the report plus the assignment's new version for the next If-Match. */
    public record ReportResponse(ReportDto report, long assignmentVersion) {
    }

    private Uni<Void> checkEvent(SqlClient tx, String region, AssignmentDto a, UUID eventId) {
        if (eventId == null) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("select 1 from trigger_event where region = $1 and id = $2 and assignment_id = $3")
                .execute(Tuple.of(region, eventId, a.id()))
                .map(rows -> {
                    if (rows.size() == 0) {
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

    /** The report and its two change-feed rows (assignment, then report) in one statement. */
    private Uni<Void> insert(SqlClient tx, ReportDto r, AssignmentDto updated) {
        return tx.preparedQuery("with report as (insert into progress_report (region, id, assignment_id, status, note, evidence_urls, "
                        + "completed_on, event_id, reported_by, reported_at, review_required) values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $15)) "
                        + "insert into change_log (region, type, entity_id, data) values ($1, $13, $3, $11::text::jsonb), "
                        + "($1, $14, $2, $12::text::jsonb)")
                .execute(Tuple.tuple(Arrays.asList(r.region(), r.id(), r.assignmentId(), r.status().name(), r.note(),
                        Json.write(r.evidenceUrls()), r.completedOn(), r.eventId(), r.reportedBy(),
                        r.reportedAt().atOffset(java.time.ZoneOffset.UTC), FeedJson.write(updated.snapshot()),
                        FeedJson.write(r.snapshot()), ChangeType.ASSIGNMENT.name(), ChangeType.REPORT.name(), r.reviewRequired())))
                .replaceWithVoid();
    }

    public Uni<Page<ReportDto>> history(String region, UUID assignmentId, UUID unitScope, PageRequest page) {
        return assignments.get(pool, region, assignmentId, unitScope).flatMap(a -> {
            return PagedQuery.page(pool, "select " + ReportDto.COLUMNS + " from progress_report "
                            + "where region = $1 and assignment_id = $2 order by reported_at, id",
                    "select count(*) from progress_report where region = $1 and assignment_id = $2", List.of(region, assignmentId),
                    page, ReportDto::from);
        });
    }

    /** One report of an assignment the caller may see; 404 otherwise. */
    public Uni<ReportDto> one(String region, UUID assignmentId, UUID reportId, UUID unitScope) {
        return assignments.get(pool, region, assignmentId, unitScope).flatMap(a -> pool.preparedQuery("select " + ReportDto.COLUMNS
                        + " from progress_report where region = $1 and assignment_id = $2 and id = $3")
                .execute(Tuple.of(region, assignmentId, reportId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("进展报告不存在：" + reportId);
                    }
                    return ReportDto.from(rows.iterator().next());
                }));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
