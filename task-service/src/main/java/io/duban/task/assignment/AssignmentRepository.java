package io.duban.task.assignment;

import io.duban.common.problem.ProblemException;
import io.duban.common.sql.Columns;
import io.duban.common.sql.KeysetQuery;
import io.duban.common.web.KeysetCursor;
import io.duban.common.web.ListRequest;
import io.duban.common.web.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Assignments in SQL; bulk writes are single multi-row statements. */
@ApplicationScoped
public class AssignmentRepository {

    private static final String COLUMNS = "id, region, plan_id, task_id, unit_id, unit_name, role, status, active, created_on, "
            + "acknowledged_on, version";
    /** The columns of {@code assignment a}, for statements that join it to itself. */
    private static final String PREFIXED_COLUMNS = java.util.Arrays.stream(COLUMNS.split(","))
            .map(c -> "a." + c.strip()).collect(java.util.stream.Collectors.joining(", "));

    @Inject
    Pool pool;

    private static AssignmentDto map(Row r) {
        return new AssignmentDto(r.getUUID("id"), r.getString("region"), r.getUUID("plan_id"), r.getUUID("task_id"),
                r.getUUID("unit_id"), r.getString("unit_name"), Role.valueOf(r.getString("role")),
                AssignmentStatus.valueOf(r.getString("status")), r.getBoolean("active"), r.getLocalDate("created_on"),
                r.getLocalDate("acknowledged_on"), r.getLong("version"));
    }

    /**
     * Moves a task's active 主办 (LEAD) assignments — with {@code withCo} its 协办 (CO) ones too — to {@code status},
     * acknowledging them on {@code today} if not yet; returns them.
     */
    public Uni<List<AssignmentDto>> setProposalStatus(SqlClient tx, String region, UUID taskId, boolean withCo, AssignmentStatus status,
            java.time.LocalDate today) {
        return tx.preparedQuery("update assignment set status = $3, acknowledged_on = coalesce(acknowledged_on, $4), version = version + 1 "
                        + "where region = $1 and task_id = $2 and role " + (withCo ? "in ('LEAD', 'CO')" : "= 'LEAD'") + " and active returning "
                        + COLUMNS)
                .execute(Tuple.of(region, taskId, status.name(), today))
                .map(rows -> {
                    List<AssignmentDto> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(map(r)));
                    return out;
                });
    }

    public Uni<Void> insertAll(SqlClient tx, List<AssignmentDto> all) {
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = all.size();
        UUID[] ids = new UUID[n], plans = new UUID[n], tasks = new UUID[n], units = new UUID[n];
        String[] names = new String[n], roles = new String[n], statuses = new String[n];
        Boolean[] active = new Boolean[n];
        Long[] versions = new Long[n];
        java.time.LocalDate[] createdOn = new java.time.LocalDate[n];
        for (int i = 0; i < n; i++) {
            AssignmentDto a = all.get(i);
            ids[i] = a.id();
            plans[i] = a.planId();
            tasks[i] = a.taskId();
            units[i] = a.unitId();
            names[i] = a.unitName();
            roles[i] = a.role().name();
            statuses[i] = a.status().name();
            active[i] = a.active();
            versions[i] = a.version();
            createdOn[i] = a.createdOn();
        }
        // seq is copied from the task (written earlier in the same transaction) for the list's index
        return tx.preparedQuery("insert into assignment (region, id, plan_id, task_id, unit_id, unit_name, role, status, active, version, created_on, seq) "
                        + "select $1, u.*, t.seq from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], "
                        + "$9::bool[], $10::int8[], $11::date[]) as u(i, p, tk, un, n, r, s, a, v, c) join task t on t.region = $1 and t.id = u.tk")
                .execute(Tuple.tuple(java.util.Arrays.asList(all.get(0).region(), ids, plans, tasks, units, names, roles, statuses, active, versions,
                        createdOn)))
                .replaceWithVoid();
    }

    /** Writes role/active/version of changed assignments (status is only changed by progress reports). */
    public Uni<Void> updateAll(SqlClient tx, List<AssignmentDto> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (AssignmentDto a : changed) {
            batch.add(Tuple.of(a.region(), a.id(), a.role().name(), a.active(), a.version()));
        }
        return tx.preparedQuery("update assignment set role = $3, active = $4, version = $5 where region = $1 and id = $2")
                .executeBatch(batch).replaceWithVoid();
    }

    public Uni<List<AssignmentDto>> forTask(SqlClient client, String region, UUID taskId) {
        return client.preparedQuery("select " + COLUMNS + " from assignment where region = $1 and task_id = $2 "
                        + "order by case role when 'LEAD' then 0 when 'CO' then 1 else 2 end, unit_name, id for update")
                .execute(Tuple.of(region, taskId))
                .map(rows -> {
                    List<AssignmentDto> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(map(r));
                    }
                    return out;
                });
    }

    public Uni<List<AssignmentDto>> activeForTask(String region, UUID taskId) {
        return pool.preparedQuery("select " + COLUMNS + " from assignment where region = $1 and task_id = $2 and active "
                        + "order by case role when 'LEAD' then 0 when 'CO' then 1 else 2 end, unit_name, id")
                .execute(Tuple.of(region, taskId))
                .map(rows -> {
                    List<AssignmentDto> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(map(r));
                    }
                    return out;
                });
    }

    /** The assignment, or 404 — also when a unit-scoped caller asks for another unit's (never leak it exists). */
    public Uni<AssignmentDto> get(String region, UUID id, UUID unitScope) {
        return get(pool, region, id, unitScope);
    }

    public Uni<AssignmentDto> get(SqlClient client, String region, UUID id, UUID unitScope) {
        return client.preparedQuery("select " + COLUMNS + " from assignment where region = $1 and id = $2")
                .execute(Tuple.of(region, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(id);
                    }
                    AssignmentDto a = map(rows.iterator().next());
                    if (unitScope != null && !unitScope.equals(a.unitId())) {
                        throw notFound(id);
                    }
                    return a;
                });
    }

    /**
     * Moves the assignment from {@code from} to {@code to} against the version the client read (a unit-scoped
     * caller only its own unit's); when nothing matched, fails with why ({@link Transition#refusal}).
     * {@code acknowledgedOn} is kept when already set.
     */
    public Uni<AssignmentDto> transition(SqlClient tx, String region, UUID id, UUID unitScope, long expected, AssignmentStatus from,
            AssignmentStatus to, java.time.LocalDate acknowledgedOn, String what) {
        Tuple args = Tuple.of(region, id, expected, from.name(), to.name());
        args.addLocalDate(acknowledgedOn);
        String scoped = "";
        if (unitScope != null) {
            args.addUUID(unitScope);
            scoped = " and unit_id = $7";
        }
        return tx.preparedQuery("update assignment set status = $5, acknowledged_on = coalesce(acknowledged_on, $6), version = version + 1 "
                        + "where region = $1 and id = $2 and version = $3 and status = $4 and active" + scoped
                        + " returning " + COLUMNS)
                .execute(args)
                .flatMap(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(map(rows.iterator().next()));
                    }
                    return get(tx, region, id, unitScope).map(current -> {
                        throw Transition.refusal(current, expected, from, what);
                    });
                });
    }

    /** An assignment a progress report moved, and the status it had before (a PENDING_ACK one was signed for by the report). */
    public record Reported(AssignmentDto assignment, AssignmentStatus previous) {
    }

    /**
     * Moves the assignment to a report's {@code status} against the version the client read (a unit-scoped caller only its
     * own unit's) and signs for it if still unsigned; empty when nothing matched. Under 办结审核 (the region's
     * completionReview REQUIRED) a DONE report puts the assignment in PENDING_REVIEW. The self-join reads the status
     * before the update, so on the hot path a report is this one UPDATE and one INSERT.
     */
    public Uni<java.util.Optional<Reported>> report(SqlClient tx, String region, UUID id, UUID unitScope, long expected,
            AssignmentStatus status, java.time.LocalDate today) {
        String scoped = unitScope == null ? "" : " and a.unit_id = $6";
        Tuple args = Tuple.of(region, id, status.name(), expected, today);
        if (unitScope != null) {
            args.addUUID(unitScope);
        }
        return tx.preparedQuery("update assignment a set status = case when $3 = 'DONE' and exists (select 1 from region_settings s "
                        + "where s.region = $1 and s.completion_review = 'REQUIRED') then 'PENDING_REVIEW' else $3 end, "
                        + "acknowledged_on = coalesce(a.acknowledged_on, $5), version = a.version + 1 "
                        + "from assignment was where was.region = $1 and was.id = $2 and a.region = $1 and a.id = $2 "
                        + "and a.version = $4 and a.active" + scoped + " returning " + PREFIXED_COLUMNS + ", was.status as previous_status")
                .execute(args)
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return java.util.Optional.<Reported>empty();
                    }
                    Row row = rows.iterator().next();
                    return java.util.Optional.of(new Reported(map(row), AssignmentStatus.valueOf(row.getString("previous_status"))));
                });
    }

    /** Assignments of a region in {@code status}, oldest change first (by the version's time is unknown: by created_on, seq). */
    public Uni<List<AssignmentDto>> withStatus(String region, AssignmentStatus status, UUID unitId, int limit) {
        String scoped = unitId == null ? "" : " and unit_id = $4";
        Tuple args = Tuple.of(region, status.name(), limit);
        if (unitId != null) {
            args.addUUID(unitId);
        }
        return pool.preparedQuery("select " + COLUMNS + " from assignment where region = $1 and status = $2 and active"
                        + scoped + " order by created_on, seq, id limit $3")
                .execute(args)
                .map(rows -> {
                    List<AssignmentDto> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(map(r));
                    }
                    return out;
                });
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("责任分解不存在：" + id);
    }

    /** Filters of the assignment list; null means "any". */
    public record Filter(UUID unitId, UUID planId, UUID taskId, AssignmentStatus status, Role role, boolean includeInactive) {

        /** What a cursor of this list is bound to: another region's or filter's cursor is refused. */
        public String scope(String region) {
            return "assignments|" + region + "|" + unitId + "|" + planId + "|" + taskId + "|" + status + "|" + role + "|" + includeInactive;
        }
    }

    /** The list's sort key, the columns of the assignment_list / assignment_unit_list indexes after region (and unit). */
    public static final Class<?>[] SORT_KEY = {UUID.class, Integer.class, Short.class, String.class, UUID.class};

    public Uni<Page<AssignmentDto>> list(String region, Filter f, ListRequest request) {
        StringBuilder where = new StringBuilder("a.region = $1");
        List<Object> args = new ArrayList<>();
        args.add(region);
        if (f.unitId() != null) {
            args.add(f.unitId());
            where.append(" and a.unit_id = $").append(args.size());
        }
        if (f.planId() != null) {
            args.add(f.planId());
            where.append(" and a.plan_id = $").append(args.size());
        }
        if (f.taskId() != null) {
            args.add(f.taskId());
            where.append(" and a.task_id = $").append(args.size());
        }
        if (f.status() != null) {
            args.add(f.status().name());
            where.append(" and a.status = $").append(args.size());
        }
        if (f.role() != null) {
            args.add(f.role().name());
            where.append(" and a.role = $").append(args.size());
        }
        if (!f.includeInactive()) {
            where.append(" and a.active");
        }
        // stable order, served by the assignment_list / assignment_unit_list indexes (a keyset page seeks in them)
        return KeysetQuery.pageOf(pool, "select " + COLUMNS + ", seq, role_rank from assignment a", where.toString(), args,
                "a.plan_id, a.seq, a.role_rank, a.unit_name, a.id", request, f.scope(region), AssignmentRepository::listReader);
    }

    /** The list's rows with their sort keys, the columns' positions looked up once per page (not per row and column). */
    private static java.util.function.Function<Row, KeysetCursor.Keyed<AssignmentDto>> listReader(RowSet<Row> rows) {
        int[] at = Columns.positions(rows, "id", "region", "plan_id", "task_id", "unit_id", "unit_name", "role", "status", "active",
                "created_on", "acknowledged_on", "version", "seq", "role_rank");
        return r -> {
            AssignmentDto a = new AssignmentDto(r.getUUID(at[0]), r.getString(at[1]), r.getUUID(at[2]), r.getUUID(at[3]),
                    r.getUUID(at[4]), r.getString(at[5]), Role.valueOf(r.getString(at[6])), AssignmentStatus.valueOf(r.getString(at[7])),
                    r.getBoolean(at[8]), r.getLocalDate(at[9]), r.getLocalDate(at[10]), r.getLong(at[11]));
            return new KeysetCursor.Keyed<>(a, new Object[] {a.planId(), r.getInteger(at[12]), r.getShort(at[13]), a.unitName(), a.id()});
        };
    }
}
