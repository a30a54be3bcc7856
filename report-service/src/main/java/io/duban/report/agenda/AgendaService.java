package io.duban.report.agenda;

import io.duban.common.problem.ProblemException;
import io.duban.deadlines.rule.DeadlineRules;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.duban.report.query.ObligationView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.report.finding.Finding;
import io.duban.report.finding.FindingService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Assembles a unit's agenda from the judged obligations and its undated duties. */
@ApplicationScoped
public class AgendaService {

    /** A county unit has at most a few hundred obligations a year; the cap guards the response size. */
    static final int MAX_ITEMS = 2000;

    @Inject
    ObligationQueries queries;

    @Inject
    Pool pool;

    @Inject
    FindingService findings;

    public Uni<Agenda> agenda(String region, String unitId, LocalDate asOf) {
        ObligationFilter f = ObligationFilter.region(region, asOf).withUnit(unitId);
        Uni<List<ObligationView>> items = queries.list(f, ObligationQueries.BY_DUE, MAX_ITEMS, 0);
        Uni<List<Agenda.OngoingItem>> ongoing = pool.preparedQuery("""
                        SELECT t.id, t.seq, t.requirement, a.role, t.deadline::text AS deadline FROM assignment a
                        JOIN task t ON t.region = a.region AND t.id = a.task_id
                        WHERE a.region = $1 AND a.unit_id = $2 AND a.active AND a.role IN ('LEAD', 'RESPONSIBLE')
                          AND t.deadline_kind IN ('ONGOING', 'ASAP')
                        ORDER BY t.seq NULLS LAST, t.id""")
                .execute(Tuple.of(region, unitId))
                .map(rows -> {
                    List<Agenda.OngoingItem> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Agenda.OngoingItem(r.getUUID("id"), r.getInteger("seq"), r.getString("requirement"),
                                r.getString("role"), DeadlineRules.fromJson(r.getString("deadline")).describe()));
                    }
                    return out;
                });
        Uni<String> name = pool.preparedQuery("SELECT unit_name FROM assignment WHERE region = $1 AND unit_id = $2"
                        + " AND unit_name IS NOT NULL LIMIT 1")
                .execute(Tuple.of(region, unitId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("unit_name") : null);
        // its findings past their 整改 deadline and still open
        Uni<List<Finding>> findingsOverdue = findings.page(region, unitId, null, null, "OVERDUE", asOf, PageRequest.of(1, 500))
                .map(Page::items);
        return Uni.combine().all().unis(items, ongoing, name, findingsOverdue).asTuple().map(t -> {
            if (t.getItem3() == null) {
                // no assignment of the region names this unit: a unit of another region, or no unit at all
                throw ProblemException.notFound("本区域的任务分解中没有该单位。");
            }
            List<ObligationView> all = t.getItem1();
            return new Agenda(unitId, t.getItem3(), asOf, having(all, "OVERDUE"), having(all, "DUE_SOON"),
                    having(all, "OPEN"), all.stream().filter(o -> o.status().startsWith("DONE")).toList(), t.getItem2(),
                    t.getItem4());
        });
    }

    private static List<ObligationView> having(List<ObligationView> all, String status) {
        return all.stream().filter(o -> o.status().equals(status)).toList();
    }
}
