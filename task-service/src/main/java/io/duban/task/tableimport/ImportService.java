package io.duban.task.tableimport;

import io.duban.common.problem.ProblemException;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.assignment.Responsibility;
import io.duban.task.feed.ChangeLog;
import io.duban.feed.Snapshot;
import io.duban.task.orgclient.Resolution;
import io.duban.task.orgclient.OrgClient;
import io.duban.task.plan.PlanDto;
import io.duban.task.plan.PlanRepository;
import io.duban.task.task.ReviewItem;
import io.duban.task.task.TaskBuilder;
import io.duban.task.task.TaskRecord;
import io.duban.task.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports a 任务分解表 into a plan: read and merge the rows (on a worker thread: POI and big
 * parses), resolve every distinct 责任单位 cell in one call to org-service, parse every 时限, then
 * write tasks, assignments and their change-feed rows in one transaction with multi-row inserts.
 * All or nothing. A plan that already has tasks refuses a second import (409): corrections go
 * through PUT /tasks/{id}, so progress already reported is never thrown away by a re-import.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @Inject
    Pool pool;

    @Inject
    PlanRepository plans;

    @Inject
    TaskRepository tasks;

    @Inject
    AssignmentRepository assignments;

    @Inject
    OrgClient org;

    /** Built rows, ready to write. */
    record Prepared(List<TaskRecord> tasks, List<AssignmentDto> assignments, List<ReviewItem> review) {
    }

    public Uni<ImportResult> importTable(String region, UUID planId, byte[] body, String contentType, boolean dryRun,
            String authorization) {
        long started = System.nanoTime();
        long[] phase = new long[4]; // ms spent reading, resolving, preparing, writing: logged to find the slow step
        return plans.get(region, planId)
                .flatMap(plan -> tasks.planHasTasks(pool, region, planId).map(has -> {
                    if (has && !dryRun) {
                        throw alreadyImported();
                    }
                    return plan;
                }))
                .flatMap(plan -> Uni.createFrom().item(() -> {
                            long t = System.nanoTime();
                            List<SourceRow> rows = RowMerger.merge(TableReader.read(body, contentType));
                            phase[0] = (System.nanoTime() - t) / 1_000_000;
                            return rows;
                        })
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .flatMap(rows -> {
                            long t = System.nanoTime();
                            return resolve(region, authorization, rows).map(resolutions -> {
                                long p = System.nanoTime();
                                phase[1] = (p - t) / 1_000_000;
                                Prepared prepared = prepare(plan, rows, resolutions);
                                phase[2] = (System.nanoTime() - p) / 1_000_000;
                                return prepared;
                            });
                        }))
                .flatMap(prepared -> {
                    ImportResult result = new ImportResult(prepared.tasks().size(), prepared.assignments().size(), dryRun,
                            prepared.review());
                    if (dryRun) {
                        return Uni.createFrom().item(result);
                    }
                    long t = System.nanoTime();
                    return write(region, planId, prepared).invoke(() -> phase[3] = (System.nanoTime() - t) / 1_000_000)
                            .replaceWith(result);
                })
                .invoke(r -> LOG.infof("import region=%s plan=%s tasks=%d assignments=%d review=%d dryRun=%s in %d ms "
                                + "(read %d, org-service %d, prepare %d, write %d)",
                        region, planId, r.tasks(), r.assignments(), r.needsReview().size(), dryRun,
                        (System.nanoTime() - started) / 1_000_000, phase[0], phase[1], phase[2], phase[3]));
    }

    private Uni<Map<String, Resolution>> resolve(String region, String authorization, List<SourceRow> rows) {
        List<String> texts = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(SourceRow::responsibleText)
                .filter(t -> !t.isBlank()).toList()));
        return org.resolveBatch(region, authorization, texts).map(results -> {
            Map<String, Resolution> byText = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                byText.put(texts.get(i), results.get(i));
            }
            return byText;
        });
    }

    static Prepared prepare(PlanDto plan, List<SourceRow> rows, Map<String, Resolution> resolutions) {
        PlanContext context = new PlanContext(plan.year(), plan.issuedOn());
        Map<String, DeadlineRule> parsed = new HashMap<>();
        List<TaskRecord> taskRows = new ArrayList<>();
        List<AssignmentDto> assignmentRows = new ArrayList<>();
        List<ReviewItem> review = new ArrayList<>();
        for (SourceRow row : rows) {
            UUID taskId = UUID.randomUUID();
            DeadlineRule rule = parsed.computeIfAbsent(row.deadlineText(), t -> TaskBuilder.parseDeadline(t, context));
            Resolution resolution = resolutions.get(row.responsibleText());
            List<ReviewItem> items = TaskBuilder.review(row.seq(), row.responsibleText(), resolution, rule, List.of());
            review.addAll(items);
            taskRows.add(new TaskRecord(taskId, plan.region(), plan.id(), row.seq(), row.category(), row.requirement(),
                    row.responsibleText(), row.deadlineText(), rule, items, List.of(), 1));
            for (Responsibility r : TaskBuilder.responsibilities(resolution, List.of())) {
                assignmentRows.add(AssignmentDto.created(plan.region(), plan.id(), taskId, r.unitId(), r.unitName(), r.role()));
            }
        }
        return new Prepared(taskRows, assignmentRows, review);
    }

    private Uni<Void> write(String region, UUID planId, Prepared p) {
        List<Snapshot> changes = new ArrayList<>(p.tasks().size() + p.assignments().size());
        for (TaskRecord t : p.tasks()) {
            changes.add(t.snapshot());
        }
        for (AssignmentDto a : p.assignments()) {
            changes.add(a.snapshot());
        }
        return pool.withTransaction(tx -> tx.preparedQuery("select 1 from plan where region = $1 and id = $2 for update")
                        .execute(io.vertx.mutiny.sqlclient.Tuple.of(region, planId))
                        .flatMap(locked -> tasks.planHasTasks(tx, region, planId))
                        .flatMap(has -> {
                            if (has) {
                                throw alreadyImported();
                            }
                            return tasks.insertAll(tx, p.tasks());
                        })
                        .flatMap(v -> assignments.insertAll(tx, p.assignments()))
                        .flatMap(v -> ChangeLog.append(tx, changes)))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> alreadyImported());
    }

    private static ProblemException alreadyImported() {
        return ProblemException.conflict("该工作方案已导入过任务分解表；如需修改请逐条更正任务（PUT /tasks/{id}），或新建工作方案后重新导入。");
    }
}
