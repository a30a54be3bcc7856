package io.duban.task.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** 工作台账 in SQL: entries (current and every version), submissions, and the views of a plan's ledgers. */
@ApplicationScoped
public class LedgerRepository {

    private static final String COLUMNS = "id, region, assignment_id, plan_id, unit_id, office, owner, owner_phone, measures, planned_on, "
            + "after_submission, updated_by, updated_at, version";

    @Inject
    Pool pool;

    private static LedgerEntryDto map(Row r) {
        return new LedgerEntryDto(r.getUUID("id"), r.getString("region"), r.getUUID("assignment_id"), r.getUUID("plan_id"),
                r.getUUID("unit_id"), r.getString("office"), r.getString("owner"), r.getString("owner_phone"), r.getString("measures"),
                r.getLocalDate("planned_on"), r.getBoolean("after_submission"), r.getString("updated_by"),
                r.getOffsetDateTime("updated_at").toInstant(), r.getLong("version"));
    }

    public Uni<Optional<LedgerEntryDto>> entry(SqlClient client, String region, UUID assignmentId) {
        return client.preparedQuery("select " + COLUMNS + " from ledger_entry where region = $1 and assignment_id = $2")
                .execute(Tuple.of(region, assignmentId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
    }

    public Uni<Optional<LedgerEntryDto>> entry(String region, UUID assignmentId) {
        return entry(pool, region, assignmentId);
    }

    /**
     * Writes {@code e} as the entry's version {@code expected + 1} (expected 0: the first version), keeps the
     * version in the history and appends the feed item; empty when another write came first.
     */
    public Uni<Optional<LedgerEntryDto>> save(SqlClient tx, LedgerEntryDto e, long expected) {
        Tuple args = Tuple.tuple(Arrays.asList(e.region(), e.id(), e.assignmentId(), e.planId(), e.unitId(), e.office(), e.owner(),
                e.ownerPhone(), e.measures(), e.plannedOn(), e.afterSubmission(), e.updatedBy(), e.updatedAt().atOffset(ZoneOffset.UTC),
                expected));
        String sql = expected == 0
                ? "insert into ledger_entry (region, id, assignment_id, plan_id, unit_id, office, owner, owner_phone, measures, planned_on, "
                        + "after_submission, updated_by, updated_at, version) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                        + "$14 + 1) returning " + COLUMNS
                : "update ledger_entry set plan_id = $4, unit_id = $5, office = $6, owner = $7, owner_phone = $8, measures = $9, "
                        + "planned_on = $10, after_submission = $11, updated_by = $12, updated_at = $13, version = version + 1 "
                        + "where region = $1 and id = $2 and assignment_id = $3 and version = $14 returning " + COLUMNS;
        return tx.preparedQuery(sql).execute(args)
                .onFailure(x -> x instanceof PgException pg && "23505".equals(pg.getSqlState())).recoverWithNull()
                .flatMap(rows -> {
                    if (rows == null || rows.rowCount() == 0) {
                        return Uni.createFrom().item(Optional.<LedgerEntryDto>empty());
                    }
                    LedgerEntryDto saved = map(rows.iterator().next());
                    return tx.preparedQuery("insert into ledger_entry_version (region, entry_id, version, data) values ($1, $2, $3, $4::text::jsonb)")
                            .execute(Tuple.of(saved.region(), saved.id(), saved.version(), Json.write(saved)))
                            .flatMap(v -> ChangeLog.append(tx, saved.snapshot()))
                            .replaceWith(Optional.of(saved));
                });
    }

    /** Every version of the entry of an assignment, oldest first. */
    public Uni<List<LedgerEntryDto>> history(String region, UUID assignmentId) {
        return pool.preparedQuery("select v.data::text as data from ledger_entry_version v join ledger_entry e on e.region = v.region "
                        + "and e.id = v.entry_id where e.region = $1 and e.assignment_id = $2 order by v.version")
                .execute(Tuple.of(region, assignmentId))
                .map(rows -> {
                    List<LedgerEntryDto> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(Json.read(r.getString("data"), new TypeReference<LedgerEntryDto>() { }));
                    }
                    return out;
                });
    }

    public Uni<Boolean> submitted(SqlClient client, String region, UUID planId, UUID unitId) {
        return client.preparedQuery("select 1 from ledger_submission where region = $1 and plan_id = $2 and unit_id = $3 limit 1")
                .execute(Tuple.of(region, planId, unitId)).map(rows -> rows.size() > 0);
    }

    /** Active assignments of the unit in the plan, and how many have an entry. */
    public Uni<int[]> counts(SqlClient client, String region, UUID planId, UUID unitId) {
        return client.preparedQuery("select count(*) as n, count(e.id) as filled from assignment a left join ledger_entry e "
                        + "on e.region = a.region and e.assignment_id = a.id where a.region = $1 and a.plan_id = $2 and a.unit_id = $3 and a.active")
                .execute(Tuple.of(region, planId, unitId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new int[] {r.getLong("n").intValue(), r.getLong("filled").intValue()};
                });
    }

    public Uni<Void> insertSubmission(SqlClient tx, LedgerSubmissionDto s) {
        return tx.preparedQuery("insert into ledger_submission (region, id, plan_id, unit_id, submitted_on, submitted_by, submitted_at) "
                        + "values ($1, $2, $3, $4, $5, $6, $7)")
                .execute(Tuple.tuple(Arrays.asList(s.region(), s.id(), s.planId(), s.unitId(), s.submittedOn(), s.submittedBy(),
                        s.submittedAt().atOffset(ZoneOffset.UTC))))
                .flatMap(v -> ChangeLog.append(tx, s.snapshot()));
    }

    /** Per unit of the plan (by its active assignments): entries filled, submissions, changes after submission. */
    public Uni<List<LedgerStatus>> status(String region, UUID planId, LocalDate dueOn) {
        return pool.preparedQuery("select a.unit_id, min(a.unit_name) as unit_name, count(*) as n, count(e.id) as filled, "
                        + "count(e.id) filter (where e.after_submission) as changed, "
                        + "(select min(s.submitted_on) from ledger_submission s where s.region = $1 and s.plan_id = $2 and s.unit_id = a.unit_id) as first_on, "
                        + "(select max(s.submitted_on) from ledger_submission s where s.region = $1 and s.plan_id = $2 and s.unit_id = a.unit_id) as last_on "
                        + "from assignment a left join ledger_entry e on e.region = a.region and e.assignment_id = a.id "
                        + "where a.region = $1 and a.plan_id = $2 and a.active group by a.unit_id order by min(a.unit_name), a.unit_id")
                .execute(Tuple.of(region, planId))
                .map(rows -> {
                    List<LedgerStatus> out = new ArrayList<>();
                    for (Row r : rows) {
                        LocalDate first = r.getLocalDate("first_on");
                        Boolean onTime = first == null || dueOn == null ? null : !first.isAfter(dueOn);
                        out.add(new LedgerStatus(r.getUUID("unit_id"), r.getString("unit_name"), r.getLong("n").intValue(),
                                r.getLong("filled").intValue(), first, r.getLocalDate("last_on"), onTime, r.getLong("changed").intValue()));
                    }
                    return out;
                });
    }

    /** The unit's 工作台账 rows of the plan, in the table's order, with each assignment's latest progress. */
    public Uni<List<LedgerRow>> rows(String region, UUID planId, UUID unitId) {
        return pool.preparedQuery("select a.id, t.seq, t.category::text as category, t.requirement, a.role, e.office, e.owner, "
                        + "e.owner_phone, e.measures, e.planned_on, t.deadline_text, a.status, r.note, r.completed_on "
                        + "from assignment a join task t on t.region = a.region and t.id = a.task_id "
                        + "left join ledger_entry e on e.region = a.region and e.assignment_id = a.id "
                        + "left join lateral (select p.note, p.completed_on from progress_report p where p.region = a.region "
                        + "and p.assignment_id = a.id order by p.reported_at desc, p.id desc limit 1) r on true "
                        + "where a.region = $1 and a.plan_id = $2 and a.unit_id = $3 and a.active order by t.seq, a.role_rank, a.id")
                .execute(Tuple.of(region, planId, unitId))
                .map(rows -> {
                    List<LedgerRow> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new LedgerRow(r.getUUID("id"), r.getInteger("seq"),
                                Json.read(r.getString("category"), new TypeReference<List<String>>() { }), r.getString("requirement"),
                                r.getString("role"), r.getString("office"), r.getString("owner"), r.getString("owner_phone"),
                                r.getString("measures"), r.getLocalDate("planned_on"), r.getString("deadline_text"), r.getString("status"),
                                r.getString("note"), r.getLocalDate("completed_on")));
                    }
                    return out;
                });
    }
}
