package io.duban.task.plan;

import io.duban.common.problem.ProblemException;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Plans in SQL. */
@ApplicationScoped
public class PlanRepository {

    private static final String COLUMNS = "id, region, title, doc_number, issued_on, year, kind, ledger_due_on, version";

    @Inject
    Pool pool;

    private static PlanDto map(Row r) {
        return new PlanDto(r.getUUID("id"), r.getString("region"), r.getString("title"), r.getString("doc_number"),
                r.getLocalDate("issued_on"), r.getInteger("year"), PlanKind.valueOf(r.getString("kind")),
                r.getLocalDate("ledger_due_on"), r.getLong("version"));
    }

    public Uni<PlanDto> insert(SqlClient tx, PlanDto p) {
        return tx.preparedQuery("insert into plan (region, id, title, doc_number, issued_on, year, kind, version, ledger_due_on) "
                        + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning " + COLUMNS)
                .execute(Tuple.tuple(java.util.Arrays.asList(p.region(), p.id(), p.title(), p.docNumber(), p.issuedOn(),
                        p.year(), p.kind().name(), p.version(), p.ledgerDueOn())))
                .map(rows -> map(rows.iterator().next()));
    }

    /** Sets the 工作台账 due day if the plan is still at {@code expected}; empty when it is not (or there is no such plan). */
    public Uni<java.util.Optional<PlanDto>> setLedgerDueOn(SqlClient tx, String region, UUID id, long expected, java.time.LocalDate due) {
        return tx.preparedQuery("update plan set ledger_due_on = $4, version = version + 1 where region = $1 and id = $2 and version = $3 "
                        + "returning " + COLUMNS)
                .execute(Tuple.tuple(java.util.Arrays.asList(region, id, expected, due)))
                .map(rows -> rows.size() == 0 ? java.util.Optional.<PlanDto>empty() : java.util.Optional.of(map(rows.iterator().next())));
    }

    /** Locks the plan's row until the transaction ends (imports into one plan run one at a time). */
    public Uni<Void> lock(SqlClient tx, String region, UUID id) {
        return tx.preparedQuery("select 1 from plan where region = $1 and id = $2 for update").execute(Tuple.of(region, id)).replaceWithVoid();
    }

    /** The plan, or 404. */
    public Uni<PlanDto> get(SqlClient client, String region, UUID id) {
        return client.preparedQuery("select " + COLUMNS + " from plan where region = $1 and id = $2")
                .execute(Tuple.of(region, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("工作方案不存在：" + id);
                    }
                    return map(rows.iterator().next());
                });
    }

    public Uni<PlanDto> get(String region, UUID id) {
        return get(pool, region, id);
    }

    public Uni<Page<PlanDto>> list(String region, PageRequest page) {
        return pool.preparedQuery("select " + COLUMNS + ", count(*) over () as total from plan where region = $1 "
                        + "order by year desc, issued_on desc nulls last, id limit $2 offset $3")
                .execute(Tuple.of(region, page.size(), page.offset()))
                .flatMap(rows -> {
                    List<PlanDto> items = new ArrayList<>();
                    long total = -1;
                    for (var r : rows) {
                        items.add(map(r));
                        total = r.getLong("total");
                    }
                    if (total >= 0 || page.offset() == 0) {
                        return Uni.createFrom().item(Page.of(items, Math.max(total, 0), page));
                    }
                    return pool.preparedQuery("select count(*) from plan where region = $1").execute(Tuple.of(region))
                            .map(c -> Page.of(items, c.iterator().next().getLong(0), page));
                });
    }
}
