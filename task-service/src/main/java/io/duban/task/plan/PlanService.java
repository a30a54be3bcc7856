package io.duban.task.plan;

import io.duban.task.feed.ChangeLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Creating a plan: the row and its PLAN change in one transaction. */
@ApplicationScoped
public class PlanService {

    @Inject
    Pool pool;

    @Inject
    PlanRepository plans;

    public Uni<PlanDto> create(String region, CreatePlanRequest body) {
        PlanDto plan = new PlanDto(UUID.randomUUID(), region, body.title().strip(),
                body.docNumber() == null || body.docNumber().isBlank() ? null : body.docNumber().strip(),
                body.issuedOn(), body.year(), body.kind(), 1);
        return pool.withTransaction(tx -> plans.insert(tx, plan).call(saved -> ChangeLog.append(tx, saved.snapshot())));
    }
}
