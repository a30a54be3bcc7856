package io.duban.task.tableimport;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import io.duban.deadlines.rule.RequirementCadence;
import io.duban.task.plan.PlanKind;
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
    AuditTrail audit;

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
    record Prepared(List<TaskRecord> tasks, List<AssignmentDto> assignments, List<ReviewItem> review,
            Map<UUID, String> formerNames) {
    }

    public Uni<ImportResult> importTable(String region, UUID planId, byte[] body, String contentType, boolean dryRun,
            String authorization) {
        return importTable(region, planId, body, contentType, dryRun, null, authorization);
    }

    /**
     * Imports a table or document; {@code defaultDeadline} (any 时限 text, e.g. 2020年12月底前) applies to
     * rows whose 时限 is blank or absent.
     */
    public Uni<ImportResult> importTable(String region, UUID planId, byte[] body, String contentType, boolean dryRun,
            String defaultDeadline, String authorization) {
        long started = System.nanoTime();
        long[] phase = new long[4]; // ms spent reading, resolving, preparing, writing: logged to find the slow step
        return plans.get(region, planId)
                .flatMap(plan -> tasks.planHasTasks(pool, region, planId).map(has -> {
                    if (plan.kind() == PlanKind.PROPOSALS) {
                        throw ProblemException.conflict("建议提案办理会议的交办清单请用 POST /proposal-sessions/{id}/import 导入。");
                    }
                    if (has && !dryRun) {
                        throw alreadyImported();
                    }
                    return plan;
                }))
                .flatMap(plan -> Uni.createFrom().item(() -> {
                            long t = System.nanoTime();
                            SourceReader.Source source = SourceReader.read(body, contentType);
                            phase[0] = (System.nanoTime() - t) / 1_000_000;
                            return source;
                        })
                        .onFailure(UnreadableSource.class).transform(e -> problem((UnreadableSource) e))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .flatMap(source -> {
                            long t = System.nanoTime();
                            return resolve(region, authorization, source.rows(), plan.year()).map(resolutions -> {
                                long p = System.nanoTime();
                                phase[1] = (p - t) / 1_000_000;
                                Prepared prepared = prepare(plan, source.rows(), resolutions, defaultDeadline);
                                phase[2] = (System.nanoTime() - p) / 1_000_000;
                                return new Object[] {source, prepared};
                            });
                        }))
                .flatMap(pair -> {
                    SourceReader.Source source = (SourceReader.Source) pair[0];
                    Prepared prepared = (Prepared) pair[1];
                    ImportResult result = new ImportResult(prepared.tasks().size(), prepared.assignments().size(), dryRun,
                            source.form(), prepared.review(), source.repairs(), dryRun ? recognised(source, prepared) : null);
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

    private Uni<Map<String, Resolution>> resolve(String region, String authorization, List<SourceRow> rows, int year) {
        List<String> texts = new ArrayList<>(new LinkedHashSet<>(rows.stream().map(SourceRow::responsibleText)
                .filter(t -> !t.isBlank()).toList()));
        return org.resolveBatch(region, authorization, texts, year).map(results -> {
            Map<String, Resolution> byText = new HashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                byText.put(texts.get(i), results.get(i));
            }
            return byText;
        });
    }

    static Prepared prepare(PlanDto plan, List<SourceRow> rows, Map<String, Resolution> resolutions) {
        return prepare(plan, rows, resolutions, null);
    }

    /**
     * Builds tasks and assignments. A blank or absent 时限 takes {@code defaultDeadline} when given;
     * otherwise a ROUTINE plan reads the cadence from the requirement (never a review item) and a
     * KEY_TASKS plan flags it MISSING. Bold names become the lead; a blank 牵头 cell is LEAD_MISSING.
     */
    static Prepared prepare(PlanDto plan, List<SourceRow> rows, Map<String, Resolution> resolutions, String defaultDeadline) {
        PlanContext context = new PlanContext(plan.year(), plan.issuedOn());
        String fallback = defaultDeadline == null || defaultDeadline.isBlank() ? null : defaultDeadline.strip();
        Map<String, DeadlineRule> parsed = new HashMap<>();
        List<TaskRecord> taskRows = new ArrayList<>();
        List<AssignmentDto> assignmentRows = new ArrayList<>();
        List<ReviewItem> review = new ArrayList<>();
        Map<UUID, String> formerNames = new HashMap<>();
        for (SourceRow row : rows) {
            UUID taskId = UUID.randomUUID();
            String deadlineText = row.deadlineText();
            DeadlineRule rule;
            boolean missing = false;
            if (!deadlineText.isBlank()) {
                rule = parsed.computeIfAbsent(deadlineText, t -> TaskBuilder.parseDeadline(t, context));
            } else if (fallback != null) {
                deadlineText = fallback;
                rule = parsed.computeIfAbsent(deadlineText, t -> TaskBuilder.parseDeadline(t, context));
            } else if (plan.kind() == PlanKind.ROUTINE) {
                rule = RequirementCadence.of(row.requirement());
            } else {
                rule = new DeadlineRule.Unparsed("", "时限要求为空");
                missing = true;
            }
            Resolution resolution = Leads.apply(resolutions.get(row.responsibleText()), row.leads(), row.leadMissing());
            List<ReviewItem> items = new ArrayList<>();
            for (ReviewItem item : TaskBuilder.review(row.seq(), row.responsibleText(), resolution, rule, List.of())) {
                items.add(missing && "UNPARSED".equals(item.reason())
                        ? new ReviewItem(item.seq(), item.field(), "MISSING", "", List.of()) : item);
            }
            if (row.leadMissing()) {
                items.add(new ReviewItem(row.seq(), "responsibleText", "LEAD_MISSING", row.responsibleText(), List.of()));
            }
            review.addAll(items);
            taskRows.add(new TaskRecord(taskId, plan.region(), plan.id(), row.seq(), row.category(), row.requirement(),
                    row.responsibleText(), deadlineText, rule, items, List.of(), 1, row.number(), note(row.note(), resolution)));
            if (resolution != null) {
                for (var u : resolution.assignments()) {
                    if (u.formerName() != null) {
                        formerNames.putIfAbsent(u.unitId(), u.formerName());
                    }
                }
            }
            for (Responsibility r : TaskBuilder.responsibilities(resolution, List.of())) {
                assignmentRows.add(AssignmentDto.created(plan.region(), plan.id(), taskId, r.unitId(), r.unitName(), r.role()));
            }
        }
        return new Prepared(taskRows, assignmentRows, review, formerNames);
    }

    /** The row's own annotation and those org-service found in the 责任单位 text, once each. */
    private static String note(String own, Resolution resolution) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        if (own != null && !own.isBlank()) {
            all.add(own);
        }
        if (resolution != null) {
            all.addAll(resolution.notes());
        }
        return all.isEmpty() ? null : String.join("；", all);
    }

    /** What the dry run shows: every task as recognised, with its units. */
    private static List<ImportResult.Recognised> recognised(SourceReader.Source source, Prepared prepared) {
        Map<UUID, List<ImportResult.UnitRole>> units = new HashMap<>();
        for (AssignmentDto a : prepared.assignments()) {
            units.computeIfAbsent(a.taskId(), k -> new ArrayList<>()).add(new ImportResult.UnitRole(a.unitName(), a.role().name(),
                    prepared.formerNames().get(a.unitId())));
        }
        List<ImportResult.Recognised> out = new ArrayList<>();
        for (int i = 0; i < prepared.tasks().size(); i++) {
            TaskRecord t = prepared.tasks().get(i);
            SourceRow row = source.rows().get(i);
            out.add(new ImportResult.Recognised(t.seq(), t.number(), row.line(), t.category(), t.requirement(), t.responsibleText(),
                    t.deadlineText(), t.deadline(), t.note(), units.getOrDefault(t.id(), List.of())));
        }
        return out;
    }

    private Uni<Void> write(String region, UUID planId, Prepared p) {
        List<Snapshot> changes = new ArrayList<>(p.tasks().size() + p.assignments().size());
        for (TaskRecord t : p.tasks()) {
            changes.add(t.snapshot());
        }
        for (AssignmentDto a : p.assignments()) {
            changes.add(a.snapshot());
        }
        return pool.withTransaction(tx -> plans.lock(tx, region, planId)
                        .flatMap(locked -> tasks.planHasTasks(tx, region, planId))
                        .flatMap(has -> {
                            if (has) {
                                throw alreadyImported();
                            }
                            return tasks.insertAll(tx, p.tasks());
                        })
                        .flatMap(v -> assignments.insertAll(tx, p.assignments()))
                        .flatMap(v -> ChangeLog.append(tx, changes))
                        .flatMap(v -> audit.inTransaction(tx, 200)))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> alreadyImported());
    }

    /** The problem answer to an upload the readers refused: 400 with the fields and the first line, 413 or 415. */
    static ProblemException problem(UnreadableSource e) {
        ProblemException p = switch (e.kind()) {
            case INVALID -> ProblemException.validation(e.detail(), e.errors());
            case TOO_LARGE -> ProblemException.payloadTooLarge(e.detail());
            case UNSUPPORTED -> ProblemException.unsupportedMediaType(e.detail());
        };
        return e.line() == null ? p : p.with("line", e.line());
    }

    private static ProblemException alreadyImported() {
        return ProblemException.conflict("该工作方案已导入过任务分解表；如需修改请逐条更正任务（PUT /tasks/{id}），或新建工作方案后重新导入。");
    }
}
