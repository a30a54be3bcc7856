package io.duban.task.report;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.common.problem.ProblemException;
import io.duban.common.sql.PagedQuery;
import io.duban.common.sql.Rows;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.feed.ChangeType;
import io.duban.feed.FeedJson;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentStatus;
import io.duban.task.common.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** 进展报告 in SQL: append-only rows, each written with its feed items in the caller's transaction. */
@ApplicationScoped
public class ReportRepository {

    private static final String COLUMNS = "id, region, assignment_id, status, note, evidence_urls::text as evidence_urls, completed_on, "
            + "event_id, reported_by, reported_at, review_required";

    @Inject
    Pool pool;

    private static ReportDto map(Row r) {
        return new ReportDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"),
                AssignmentStatus.valueOf(r.getString("status")), r.getString("note"),
                Json.read(r.getString("evidence_urls"), new TypeReference<List<String>>() { }), r.getLocalDate("completed_on"),
                r.getUUID("event_id"), r.getString("reported_by"), r.getOffsetDateTime("reported_at").toInstant(),
                r.getBoolean("review_required"));
    }

    /** The report and its two change-feed rows (the assignment it moved, then the report) in one statement. */
    public Uni<Void> insert(SqlClient tx, ReportDto r, AssignmentDto updated) {
        return tx.preparedQuery("with report as (insert into progress_report (region, id, assignment_id, status, note, evidence_urls, "
                        + "completed_on, event_id, reported_by, reported_at, review_required) values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $15)) "
                        + "insert into change_log (region, type, entity_id, data) values ($1, $13, $3, $11::text::jsonb), "
                        + "($1, $14, $2, $12::text::jsonb)")
                .execute(Tuple.tuple(Arrays.asList(r.region(), r.id(), r.assignmentId(), r.status().name(), r.note(),
                        Json.write(r.evidenceUrls()), r.completedOn(), r.eventId(), r.reportedBy(),
                        r.reportedAt().atOffset(ZoneOffset.UTC), FeedJson.write(updated.snapshot()),
                        FeedJson.write(r.snapshot()), ChangeType.ASSIGNMENT.name(), ChangeType.REPORT.name(), r.reviewRequired())))
                .replaceWithVoid();
    }

    /**
     * Several reports in one batch, without their feed rows (the caller appends them with the other changes of its
     * transaction): a feature that moves many assignments at once, e.g. a 建议提案's reply.
     */
    public Uni<Void> insertAll(SqlClient tx, List<ReportDto> reports) {
        if (reports.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = reports.stream().map(r -> Tuple.tuple(Arrays.asList(r.region(), r.id(), r.assignmentId(), r.status().name(),
                r.note(), Json.write(r.evidenceUrls()), r.completedOn(), r.eventId(), r.reportedBy(), r.reportedAt().atOffset(ZoneOffset.UTC),
                r.reviewRequired()))).toList();
        return tx.preparedQuery("insert into progress_report (region, id, assignment_id, status, note, evidence_urls, completed_on, event_id, "
                        + "reported_by, reported_at, review_required) values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $8, $9, $10, $11)")
                .executeBatch(batch)
                .replaceWithVoid();
    }

    /** One report of the assignment, or 404. */
    public Uni<ReportDto> get(String region, UUID assignmentId, UUID reportId) {
        return pool.preparedQuery("select " + COLUMNS + " from progress_report where region = $1 and assignment_id = $2 and id = $3")
                .execute(Tuple.of(region, assignmentId, reportId))
                .map(rows -> Rows.one(rows, ReportRepository::map, () -> ProblemException.notFound("进展报告不存在：" + reportId)));
    }

    /** The assignment's reports, oldest first. */
    public Uni<Page<ReportDto>> history(String region, UUID assignmentId, PageRequest page) {
        return PagedQuery.page(pool, "select " + COLUMNS + " from progress_report where region = $1 and assignment_id = $2 "
                        + "order by reported_at, id",
                "select count(*) from progress_report where region = $1 and assignment_id = $2", List.of(region, assignmentId),
                page, ReportRepository::map);
    }
}
