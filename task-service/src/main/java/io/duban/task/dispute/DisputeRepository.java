package io.duban.task.dispute;

import com.fasterxml.jackson.core.type.TypeReference;
import io.duban.common.problem.ProblemException;
import io.duban.task.common.Json;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** 申诉 in SQL; every write also appends the dispute's snapshot to the feed. */
@ApplicationScoped
public class DisputeRepository {

    private static final String COLUMNS = "id, region, assignment_id, task_id, unit_id, reason, status, raised_by, raised_at, comment, "
            + "designated::text as designated, decided_by, decided_at, version";

    @Inject
    Pool pool;

    private static DisputeDto map(Row r) {
        OffsetDateTime decided = r.getOffsetDateTime("decided_at");
        return new DisputeDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), r.getUUID("task_id"),
                r.getUUID("unit_id"), r.getString("reason"), DisputeStatus.valueOf(r.getString("status")), r.getString("raised_by"),
                r.getOffsetDateTime("raised_at").toInstant(), r.getString("comment"),
                Json.read(r.getString("designated"), new TypeReference<List<UUID>>() { }), r.getString("decided_by"),
                decided == null ? null : decided.toInstant(), r.getLong("version"));
    }

    /** Inserts an OPEN dispute; 409 when the assignment already has one (the partial unique index decides races). */
    public Uni<DisputeDto> insert(SqlClient tx, DisputeDto d) {
        return tx.preparedQuery("insert into dispute (region, id, assignment_id, task_id, unit_id, reason, status, raised_by, raised_at, "
                        + "version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(d.region(), d.id(), d.assignmentId(), d.taskId(), d.unitId(), d.reason(),
                        d.status().name(), d.raisedBy(), d.raisedAt().atOffset(ZoneOffset.UTC), d.version())))
                .map(rows -> map(rows.iterator().next()))
                .call(saved -> ChangeLog.append(tx, saved.snapshot()))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> ProblemException.conflict("该责任分解已有一条待处理的申诉，请等待处理结果。"));
    }

    /** Records the decision if the dispute is still OPEN at {@code expected}; empty otherwise. */
    public Uni<java.util.Optional<DisputeDto>> decide(SqlClient tx, String region, UUID id, long expected, DisputeStatus status,
            String comment, List<UUID> designated, String who, java.time.Instant at) {
        return tx.preparedQuery("update dispute set status = $4, comment = $5, designated = $6::text::jsonb, decided_by = $7, "
                        + "decided_at = $8, version = version + 1 where region = $1 and id = $2 and version = $3 and status = 'OPEN' "
                        + "returning " + COLUMNS)
                .execute(Tuple.tuple(Arrays.asList(region, id, expected, status.name(), comment, Json.write(designated), who,
                        at.atOffset(ZoneOffset.UTC))))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(java.util.Optional.<DisputeDto>empty());
                    }
                    DisputeDto saved = map(rows.iterator().next());
                    return ChangeLog.append(tx, saved.snapshot()).replaceWith(java.util.Optional.of(saved));
                });
    }

    /** The upheld disputes of one task, oldest decision first: a correction of the task must keep what they decided. */
    public Uni<List<DisputeDto>> upheldForTask(SqlClient tx, String region, UUID taskId) {
        return tx.preparedQuery("select " + COLUMNS + " from dispute where region = $1 and task_id = $2"
                        + " and status = 'UPHELD' order by decided_at, id")
                .execute(Tuple.of(region, taskId))
                .map(rows -> {
                    List<DisputeDto> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    /** The dispute, or 404 — also when a unit-scoped caller asks for another unit's. */
    public Uni<DisputeDto> get(SqlClient client, String region, UUID id, UUID unitScope) {
        return client.preparedQuery("select " + COLUMNS + " from dispute where region = $1 and id = $2")
                .execute(Tuple.of(region, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("申诉不存在：" + id);
                    }
                    DisputeDto d = map(rows.iterator().next());
                    if (unitScope != null && !unitScope.equals(d.unitId())) {
                        throw ProblemException.notFound("申诉不存在：" + id);
                    }
                    return d;
                });
    }

    public Uni<DisputeDto> get(String region, UUID id, UUID unitScope) {
        return get(pool, region, id, unitScope);
    }

    /** Disputes of a region, oldest first; filtered by status and unit when given. */
    public Uni<List<DisputeDto>> list(String region, DisputeStatus status, UUID unitId, int limit) {
        StringBuilder where = new StringBuilder("region = $1");
        Tuple args = Tuple.of(region, limit);
        if (status != null) {
            args.addString(status.name());
            where.append(" and status = $").append(args.size());
        }
        if (unitId != null) {
            args.addUUID(unitId);
            where.append(" and unit_id = $").append(args.size());
        }
        return pool.preparedQuery("select " + COLUMNS + " from dispute where " + where + " order by raised_at, id limit $2")
                .execute(args)
                .map(rows -> {
                    List<DisputeDto> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(map(r));
                    }
                    return out;
                });
    }
}
