package io.duban.task.task;

import io.duban.common.sql.KeysetQuery;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.Page;
import io.duban.common.web.ListRequest;
import io.duban.deadlines.rule.DeadlineRules;
import io.duban.task.common.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Task rows in SQL; an import is one multi-row insert. */
@ApplicationScoped
public class TaskRepository {

    @Inject
    Pool pool;

    public Uni<Void> insertAll(SqlClient tx, List<TaskRecord> all) {
        if (all.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = all.size();
        UUID[] ids = new UUID[n], plans = new UUID[n];
        Integer[] seqs = new Integer[n];
        String[] category = new String[n], requirement = new String[n], responsible = new String[n], deadlineText = new String[n],
                deadline = new String[n], review = new String[n], designated = new String[n], number = new String[n],
                note = new String[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            TaskRecord t = all.get(i);
            ids[i] = t.id();
            plans[i] = t.planId();
            seqs[i] = t.seq();
            category[i] = Json.write(t.category());
            requirement[i] = t.requirement();
            responsible[i] = t.responsibleText();
            deadlineText[i] = t.deadlineText();
            deadline[i] = DeadlineRules.toJson(t.deadline());
            review[i] = Json.write(t.review());
            designated[i] = Json.write(t.designated());
            versions[i] = t.version();
            number[i] = t.number();
            note[i] = t.note();
        }
        return tx.preparedQuery("insert into task (region, id, plan_id, seq, category, requirement, responsible_text, deadline_text, "
                        + "deadline, review, designated, version, number, note) "
                        + "select $1, i, p, s, c::jsonb, rq, rs, dt, d::jsonb, rv::jsonb, dg::jsonb, v, nb, nt from unnest($2::uuid[], $3::uuid[], "
                        + "$4::int4[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int8[], "
                        + "$13::text[], $14::text[]) as u(i, p, s, c, rq, rs, dt, d, rv, dg, v, nb, nt)")
                .execute(Tuple.tuple(Arrays.asList(all.get(0).region(), ids, plans, seqs, category, requirement, responsible,
                        deadlineText, deadline, review, designated, versions, number, note)))
                .replaceWithVoid();
    }

    /** Writes a corrected task if its version is still {@code expectedVersion}; false when someone was first. */
    public Uni<Boolean> update(SqlClient tx, TaskRecord t, long expectedVersion) {
        return tx.preparedQuery("update task set requirement = $3, responsible_text = $4, deadline_text = $5, deadline = $6::text::jsonb, "
                        + "review = $7::text::jsonb, designated = $8::text::jsonb, version = $9 where region = $1 and id = $2 and version = $10")
                .execute(Tuple.tuple(Arrays.asList(t.region(), t.id(), t.requirement(), t.responsibleText(), t.deadlineText(),
                        DeadlineRules.toJson(t.deadline()), Json.write(t.review()), Json.write(t.designated()), t.version(),
                        expectedVersion)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> planHasTasks(SqlClient client, String region, UUID planId) {
        return client.preparedQuery("select 1 from task where region = $1 and plan_id = $2 limit 1")
                .execute(Tuple.of(region, planId)).map(rows -> rows.size() > 0);
    }

    public Uni<TaskRecord> get(SqlClient client, String region, UUID id) {
        return client.preparedQuery("select " + TaskRecord.COLUMNS + " from task where region = $1 and id = $2")
                .execute(Tuple.of(region, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("任务不存在：" + id);
                    }
                    return TaskRecord.from(rows.iterator().next());
                });
    }

    public Uni<TaskRecord> get(String region, UUID id) {
        return get(pool, region, id);
    }

    /** The list's sort key (序号 is unique in a plan: the (region, plan_id, seq) key serves the seek). */
    public static final Class<?>[] SORT_KEY = {Integer.class, UUID.class};

    public static String listScope(String region, UUID planId) {
        return "tasks|" + region + "|" + planId;
    }

    public Uni<Page<TaskRecord>> listForPlan(String region, UUID planId, ListRequest request) {
        return KeysetQuery.page(pool, "select " + TaskRecord.COLUMNS + " from task", "region = $1 and plan_id = $2",
                List.of(region, planId), "seq, id", request, listScope(region, planId), TaskRecord::from,
                r -> new Object[] {r.getInteger("seq"), r.getUUID("id")});
    }
}
