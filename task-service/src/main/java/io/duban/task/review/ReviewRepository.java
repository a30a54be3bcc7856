package io.duban.task.review;

import io.duban.common.problem.ProblemException;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** 办结审核 in SQL: the decisions, and the completions waiting for one. */
@ApplicationScoped
public class ReviewRepository {

    private static final String COLUMNS = "id, region, assignment_id, report_id, decision, comment, completed_on, reviewed_by, reviewed_at";

    @Inject
    Pool pool;

    private static ReviewDto map(Row r) {
        return new ReviewDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), r.getUUID("report_id"),
                ReviewDecision.valueOf(r.getString("decision")), r.getString("comment"), r.getLocalDate("completed_on"),
                r.getString("reviewed_by"), r.getOffsetDateTime("reviewed_at").toInstant());
    }

    /** The completion under review: the assignment's latest DONE report made under 办结审核. */
    public record Reviewed(UUID reportId, java.time.LocalDate completedOn) {
    }

    public Uni<Reviewed> pendingReport(SqlClient tx, String region, UUID assignmentId) {
        return tx.preparedQuery("select id, completed_on from progress_report where region = $1 and assignment_id = $2 "
                        + "and status = 'DONE' and review_required order by reported_at desc, id desc limit 1")
                .execute(Tuple.of(region, assignmentId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.conflict("没有待审核的办结报告。");
                    }
                    Row r = rows.iterator().next();
                    return new Reviewed(r.getUUID("id"), r.getLocalDate("completed_on"));
                });
    }

    public Uni<Void> insert(SqlClient tx, ReviewDto r) {
        return tx.preparedQuery("insert into completion_review (region, id, assignment_id, report_id, decision, comment, completed_on, "
                        + "reviewed_by, reviewed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(r.region(), r.id(), r.assignmentId(), r.reportId(), r.decision().name(), r.comment(),
                        r.completedOn(), r.reviewedBy(), r.reviewedAt().atOffset(ZoneOffset.UTC))))
                .flatMap(v -> ChangeLog.append(tx, r.snapshot()));
    }

    public Uni<List<ReviewDto>> history(String region, UUID assignmentId) {
        return pool.preparedQuery("select " + COLUMNS + " from completion_review where region = $1 and assignment_id = $2 "
                        + "order by reviewed_at, id")
                .execute(Tuple.of(region, assignmentId))
                .map(rows -> {
                    List<ReviewDto> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(map(r));
                    }
                    return out;
                });
    }

    /** What waits for review, oldest report first; with the number of earlier returns (退回次数). */
    public Uni<List<PendingReview>> pending(String region, int limit) {
        return pool.preparedQuery("select a.id, a.plan_id, a.task_id, a.unit_id, a.unit_name, a.version, r.id as report_id, "
                        + "r.completed_on, r.note, r.reported_by, r.reported_at, "
                        + "(select count(*) from completion_review c where c.region = a.region and c.assignment_id = a.id "
                        + "and c.decision = 'RETURN') as returns "
                        + "from assignment a cross join lateral (select * from progress_report p where p.region = a.region "
                        + "and p.assignment_id = a.id and p.status = 'DONE' and p.review_required order by p.reported_at desc, p.id desc "
                        + "limit 1) r where a.region = $1 and a.status = 'PENDING_REVIEW' and a.active order by r.reported_at, a.id limit $2")
                .execute(Tuple.of(region, limit))
                .map(rows -> {
                    List<PendingReview> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new PendingReview(r.getUUID("id"), r.getUUID("plan_id"), r.getUUID("task_id"), r.getUUID("unit_id"),
                                r.getString("unit_name"), r.getLong("version"), r.getUUID("report_id"), r.getLocalDate("completed_on"),
                                r.getString("note"), r.getString("reported_by"), r.getOffsetDateTime("reported_at").toInstant(),
                                r.getLong("returns").intValue()));
                    }
                    return out;
                });
    }
}
