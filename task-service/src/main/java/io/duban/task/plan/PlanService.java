package io.duban.task.plan;

import io.duban.common.audit.AuditTrail;
import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Creating a plan and setting its 工作台账 due day: the row and its PLAN change in one transaction. */
@ApplicationScoped
public class PlanService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    PlanRepository plans;

    public Uni<PlanDto> create(String region, CreatePlanRequest body) {
        PlanDto plan = new PlanDto(UUID.randomUUID(), region, body.title().strip(),
                body.docNumber() == null || body.docNumber().isBlank() ? null : body.docNumber().strip(),
                body.issuedOn(), body.year(), body.kind(), body.ledgerDueOn(), 1);
        return pool.withTransaction(tx -> plans.insert(tx, plan).call(saved -> ChangeLog.append(tx, saved.snapshot()))
                .call(saved -> audit.inTransaction(tx, 201, saved.id().toString())));
    }

    /** Sets the 工作台账 due day against the version the supervisor read (412 when another write came first). */
    public Uni<PlanDto> setLedgerDueOn(String region, UUID planId, long expected, java.time.LocalDate due) {
        return pool.withTransaction(tx -> plans.setLedgerDueOn(tx, region, planId, expected, due).flatMap(saved -> {
            if (saved.isPresent()) {
                return ChangeLog.append(tx, saved.get().snapshot()).flatMap(v -> audit.inTransaction(tx, 200)).replaceWith(saved.get());
            }
            return plans.get(tx, region, planId).map(current -> {
                throw io.duban.common.problem.ProblemException.preconditionFailed(
                        "工作方案已被更新（当前版本 " + current.version() + "），请重新读取后再修改。");
            });
        }));
    }
}
