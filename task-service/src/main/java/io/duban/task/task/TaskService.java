package io.duban.task.task;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Ids;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import io.duban.task.assignment.AssignmentDeriver;
import io.duban.task.dispute.DisputeDto;
import io.duban.task.dispute.DisputeRepository;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.feed.ChangeLog;
import io.duban.feed.Snapshot;
import io.duban.task.orgclient.Resolution;
import io.duban.task.orgclient.OrgClient;
import io.duban.task.plan.PlanRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Supervisor corrections of a task. A change of the 责任单位 text or of the designations is
 * resolved again by org-service and the assignments are re-derived ({@link AssignmentDeriver}):
 * kept units keep their assignment and progress, removed ones become inactive.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    TaskRepository tasks;

    @Inject
    PlanRepository plans;

    @Inject
    AssignmentRepository assignments;

    @Inject
    OrgClient org;

    @Inject
    DisputeRepository disputes;

    public Uni<TaskDto> get(String region, UUID id) {
        return tasks.get(region, id).flatMap(t -> assignments.activeForTask(region, id).map(a -> TaskDto.from(t, a)));
    }

    public Uni<TaskDto> correct(String region, UUID id, String ifMatch, UpdateTaskRequest body, String authorization) {
        long expected = ETags.requireVersion(ifMatch);
        if (body.requirement() == null && body.responsibleText() == null && body.deadlineText() == null && body.deadline() == null) {
            throw ProblemException.validation("没有要更正的内容。",
                    List.of(new FieldError("body", "至少提供 requirement、responsibleText、deadlineText 或 deadline 之一")));
        }
        return tasks.get(region, id).flatMap(task -> {
            ETags.check(ifMatch, task.version());
            return plans.get(region, task.planId()).flatMap(plan -> {
                String requirement = body.requirement() == null ? task.requirement() : body.requirement().strip();
                String responsible = body.responsibleText() == null ? task.responsibleText() : body.responsibleText().strip();
                String deadlineText = body.deadlineText() == null ? task.deadlineText() : body.deadlineText().strip();
                DeadlineRule rule;
                if (body.deadline() != null) {
                    rule = RuleCheck.complete(body.deadline());
                } else if (!deadlineText.equals(task.deadlineText())) {
                    rule = TaskBuilder.parseDeadline(deadlineText, new PlanContext(plan.year(), plan.issuedOn()));
                } else {
                    rule = task.deadline();
                }
                boolean responsibilityChanged = !responsible.equals(task.responsibleText());
                if (!responsibilityChanged) {
                    List<ReviewItem> review = new ArrayList<>(task.review().stream()
                            .filter(r -> !"deadlineText".equals(r.field())).toList());
                    review.addAll(TaskBuilder.review(task.seq(), responsible, null, rule, task.designated()));
                    TaskRecord updated = new TaskRecord(task.id(), region, task.planId(), task.seq(), task.category(), requirement,
                            responsible, deadlineText, rule, review, task.designated(), expected + 1, task.number(), task.note());
                    return save(updated, expected, null);
                }
                return resolveOne(region, authorization, responsible, plan.year()).flatMap(resolution -> {
                    List<ReviewItem> review = TaskBuilder.review(task.seq(), responsible, resolution, rule, task.designated());
                    TaskRecord updated = new TaskRecord(task.id(), region, task.planId(), task.seq(), task.category(), requirement,
                            responsible, deadlineText, rule, review, task.designated(), expected + 1, task.number(), task.note());
                    return save(updated, expected, resolution);
                });
            });
        });
    }

    public Uni<TaskDto> designate(String region, UUID id, String ifMatch, DesignationRequest body, String authorization) {
        List<UUID> unitIds = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.unitIds().size(); i++) {
            String raw = body.unitIds().get(i);
            UUID unit = raw == null ? null : Ids.parse(raw.trim());
            if (unit == null) {
                errors.add(new FieldError("unitIds[" + i + "]", "应为单位的 UUID"));
            } else {
                unitIds.add(unit);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("指定的单位编号不正确。", errors);
        }
        List<UUID> distinct = new ArrayList<>(new LinkedHashSet<>(unitIds));
        return tasks.get(region, id).flatMap(task -> {
            // designating replaces the task's designation: like every other write, against the version the client read
            ETags.check(ifMatch, task.version());
            long expected = task.version();
            Uni<List<Designation>> named = Uni.join().all(distinct.stream().map(u -> org.unit(region, authorization, u.toString())
                    .map(found -> found.map(v -> new Designation(u, v.name()))
                            .orElseThrow(() -> ProblemException.unprocessable("单位不存在：" + u).with("unitId", u.toString()))))
                    .toList()).andFailFast();
            if (distinct.isEmpty()) {
                named = Uni.createFrom().item(List.of());
            }
            return named.flatMap(designated -> plans.get(region, task.planId()).flatMap(plan ->
                    resolveOne(region, authorization, task.responsibleText(), plan.year())).flatMap(resolution -> {
                List<ReviewItem> review = TaskBuilder.review(task.seq(), task.responsibleText(), resolution, task.deadline(), designated);
                TaskRecord updated = new TaskRecord(task.id(), region, task.planId(), task.seq(), task.category(),
                        task.requirement(), task.responsibleText(), task.deadlineText(), task.deadline(), review, designated,
                        expected + 1, task.number(), task.note());
                return save(updated, expected, resolution);
            }));
        });
    }

    private Uni<Resolution> resolveOne(String region, String authorization, String text, int year) {
        if (text.isBlank()) {
            return Uni.createFrom().item(Resolution.empty());
        }
        return org.resolveBatch(region, authorization, List.of(text), year).map(r -> r.get(0));
    }

    /** Writes the task and, when the responsibility was resolved again, the re-derived assignments. */
    private Uni<TaskDto> save(TaskRecord updated, long expected, Resolution resolution) {
        String region = updated.region();
        return pool.withTransaction(tx -> tasks.update(tx, updated, expected).call(ok -> ok ? audit.inTransaction(tx, 200) : Uni.createFrom().voidItem())
                .flatMap(ok -> {
            if (!ok) {
                throw ProblemException.preconditionFailed("任务已被他人修改，请重新读取后再更正。");
            }
            return assignments.forTask(tx, region, updated.id())
                    .flatMap(existing -> disputes.upheldForTask(tx, region, updated.id()).map(upheld -> Map.entry(existing, upheld)));
        }).flatMap(found -> {
            List<AssignmentDto> existing = found.getKey();
            Set<UUID> withdrawn = new HashSet<>();
            Set<UUID> designatedByDecision = new HashSet<>();
            for (DisputeDto d : found.getValue()) {
                withdrawn.add(d.unitId());
                designatedByDecision.addAll(d.designatedUnitIds());
            }
            List<Snapshot> changes = new ArrayList<>();
            changes.add(updated.snapshot());
            if (resolution == null) {
                return ChangeLog.append(tx, changes);
            }
            AssignmentDeriver.Plan plan = AssignmentDeriver.reconcile(region, updated.planId(), updated.id(), existing,
                    AssignmentDeriver.afterUpheldDisputes(TaskBuilder.responsibilities(resolution, updated.designated()),
                            withdrawn, designatedByDecision, existing));
            for (AssignmentDto a : plan.created()) {
                changes.add(a.snapshot());
            }
            for (AssignmentDto a : plan.changed()) {
                changes.add(a.snapshot());
            }
            return assignments.insertAll(tx, plan.created())
                    .flatMap(v -> assignments.updateAll(tx, plan.changed()))
                    .flatMap(v -> ChangeLog.append(tx, changes));
        })).flatMap(v -> get(region, updated.id()));
    }
}
