package io.duban.task.ledger;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.common.Days;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.plan.PlanRepository;
import io.duban.task.task.TaskRepository;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** 工作台账: entries (each write a new version), submissions (报送), the plan's status and the Excel exports. */
@ApplicationScoped
public class LedgerService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    LedgerRepository ledgers;

    @Inject
    AssignmentRepository assignments;

    @Inject
    TaskRepository tasks;

    @Inject
    PlanRepository plans;

    /**
     * Writes the entry of an assignment. A first entry needs no If-Match (or {@code "0"}); a later one the
     * version read (428 without, 412 when another write came first).
     */
    public Uni<LedgerEntryDto> save(String region, UUID assignmentId, UUID unitScope, String ifMatch, LedgerEntryRequest body, String who) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> {
            if (!a.active()) {
                throw ProblemException.conflict("该责任分解已撤销，不能再填写台账。");
            }
            return tasks.get(region, a.taskId()).flatMap(task -> {
                LedgerRules.plannedAfterDue(body.plannedOn(), task.deadline()).ifPresent(due -> {
                    throw ProblemException.unprocessable("计划完成时间（" + body.plannedOn() + "）不能晚于任务的完成时限（" + due + "）。")
                            .with("field", "plannedOn").with("dueOn", due.toString());
                });
                return pool.withTransaction(tx -> ledgers.entry(tx, region, assignmentId).flatMap(current -> {
                    long expected = current.isEmpty() && (ifMatch == null || ifMatch.isBlank()) ? 0
                            : io.duban.common.web.ETags.requireVersion(ifMatch);
                    if (current.isPresent() && current.get().version() != expected || current.isEmpty() && expected != 0) {
                        throw ProblemException.preconditionFailed("台账已被更新（当前版本 " + current.map(LedgerEntryDto::version).orElse(0L)
                                + "），请重新读取后再保存。");
                    }
                    return ledgers.submitted(tx, region, a.planId(), a.unitId()).flatMap(submitted -> {
                        LedgerEntryDto next = new LedgerEntryDto(current.map(LedgerEntryDto::id).orElseGet(UUID::randomUUID), region,
                                assignmentId, a.planId(), a.unitId(), body.office().strip(), body.owner().strip(),
                                body.ownerPhone() == null || body.ownerPhone().isBlank() ? null : body.ownerPhone().strip(),
                                body.measures().strip(), body.plannedOn(), submitted, who, Instant.now().truncatedTo(ChronoUnit.MICROS),
                                expected + 1);
                        return ledgers.save(tx, next, expected)
                                .call(saved -> saved.isPresent() ? audit.inTransaction(tx, 200) : Uni.createFrom().voidItem());
                    });
                }).map(saved -> saved.orElseThrow(() -> ProblemException.preconditionFailed("台账已被他人同时修改，请重新读取后再保存。"))));
            });
        });
    }

    public Uni<LedgerEntryDto> entry(String region, UUID assignmentId, UUID unitScope) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> ledgers.entry(region, assignmentId))
                .map(e -> e.orElseThrow(() -> ProblemException.notFound("该责任分解尚未填写台账。")));
    }

    public Uni<List<LedgerEntryDto>> history(String region, UUID assignmentId, UUID unitScope) {
        return assignments.get(region, assignmentId, unitScope).flatMap(a -> ledgers.history(region, assignmentId));
    }

    /** 报送: the unit submits its ledger of the plan (a unit token only its own: another unit's is a 404). */
    public Uni<Idempotency.Stored> submit(String region, UUID unitId, UUID planId, UUID unitScope, String key, String who,
            java.time.LocalDate recordedOn) {
        if (unitScope != null && !unitScope.equals(unitId)) {
            throw ProblemException.notFound("单位不存在或无权访问：" + unitId);
        }
        if (recordedOn != null && unitScope != null) {
            throw ProblemException.invalidField("submittedOn", "单位报送以当天为报送日期，只有督办人员可以补录报送日期");
        }
        if (recordedOn != null && (recordedOn.isAfter(Days.today()) || recordedOn.getYear() < 2000)) {
            throw ProblemException.invalidField("submittedOn", "报送日期不能晚于今天");
        }
        java.time.LocalDate submittedOn = recordedOn == null ? Days.today() : recordedOn;
        String idemKey = Idempotency.validKey(key, unitScope);
        String hash = Idempotency.hash("ledger-submission", unitId.toString(), planId.toString(), String.valueOf(recordedOn));
        return plans.get(region, planId).flatMap(plan -> pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash)
                .flatMap(replay -> {
                    if (replay.isPresent()) {
                        return Uni.createFrom().item(replay.get());
                    }
                    return ledgers.counts(tx, region, planId, unitId).flatMap(counts -> {
                        if (counts[0] == 0) {
                            throw ProblemException.notFound("该单位在此工作方案中没有责任分解：" + unitId);
                        }
                        LedgerSubmissionDto s = new LedgerSubmissionDto(UUID.randomUUID(), region, planId, unitId, submittedOn, who,
                                Instant.now().truncatedTo(ChronoUnit.MICROS), counts[0], counts[1]);
                        Idempotency.Stored response = new Idempotency.Stored(201, Json.write(s));
                        return ledgers.insertSubmission(tx, s)
                                .flatMap(v -> audit.inTransaction(tx, response.status(), s.id().toString()))
                                .flatMap(v -> Idempotency.complete(tx, region, idemKey, response))
                                .replaceWith(response);
                    });
                })));
    }

    public Uni<List<LedgerStatus>> status(String region, UUID planId) {
        return plans.get(region, planId).flatMap(plan -> ledgers.status(region, planId, plan.ledgerDueOn()));
    }

    public Uni<List<LedgerRow>> rows(String region, UUID unitId, UUID planId, UUID unitScope) {
        if (unitScope != null && !unitScope.equals(unitId)) {
            throw ProblemException.notFound("单位不存在或无权访问：" + unitId);
        }
        return plans.get(region, planId).flatMap(plan -> ledgers.rows(region, planId, unitId));
    }

    /** One unit's 台账 as an Excel sheet (built on a worker: POI is blocking work). */
    public Uni<byte[]> unitWorkbook(String region, UUID unitId, UUID planId, UUID unitScope) {
        return rows(region, unitId, planId, unitScope).flatMap(rows -> plans.get(region, planId).flatMap(plan -> {
            String unitName = rows.isEmpty() ? unitId.toString() : null;
            return ledgers.status(region, planId, plan.ledgerDueOn()).map(all -> all.stream().filter(s -> s.unitId().equals(unitId))
                            .map(LedgerStatus::unitName).findFirst().orElse(unitName))
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .map(name -> LedgerWorkbook.xlsx(plan.title(), List.of(new LedgerWorkbook.UnitLedger(name, rows))));
        }));
    }

    /** The plan's ledgers, one sheet per unit (supervisor). */
    public Uni<byte[]> planWorkbook(String region, UUID planId) {
        return plans.get(region, planId).flatMap(plan -> ledgers.status(region, planId, plan.ledgerDueOn()).flatMap(units -> {
            Uni<List<LedgerWorkbook.UnitLedger>> all = Uni.createFrom().item(new ArrayList<>());
            for (LedgerStatus u : units) {
                all = all.flatMap(list -> ledgers.rows(region, planId, u.unitId()).map(rows -> {
                    list.add(new LedgerWorkbook.UnitLedger(u.unitName(), rows));
                    return list;
                }));
            }
            return all.emitOn(Infrastructure.getDefaultWorkerPool()).map(list -> LedgerWorkbook.xlsx(plan.title(), list));
        }));
    }
}
