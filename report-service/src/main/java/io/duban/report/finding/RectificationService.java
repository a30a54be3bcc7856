package io.duban.report.finding;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.report.common.CreationKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * 整改 → 复核 → 销号: the unit reports a rectification, the supervisor verifies it. Each step locks the
 * finding, checks the loop's state with {@link RectificationRules}, appends its fact and moves the state.
 */
@ApplicationScoped
public class RectificationService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    RectificationRepository loop;

    /** The finding with its loop; a unit token sees only its own unit's (another's is a 404). */
    public Uni<Rectification.History> history(String region, UUID findingId, String unitScope) {
        return finding(pool, region, findingId, unitScope, false).chain(f -> loop.reports(pool, region, findingId)
                .chain(reports -> loop.verifications(pool, region, findingId)
                        .map(verifications -> new Rectification.History(f, reports, verifications))));
    }

    /** The unit reports it rectified the problem: OPEN → RECTIFIED (409 in any other state). */
    public Uni<CreationKeys.Created<Rectification.Report>> rectify(String region, UUID findingId, String unitScope,
                                                                   Rectification.NewReport body, String key, String by) {
        if (body.rectifiedOn().getYear() < 2000 || body.rectifiedOn().getYear() > 2100) {
            throw ProblemException.invalidField("rectifiedOn", "rectifiedOn 应在 2000 到 2100 年之间。");
        }
        return CreationKeys.once(audit, pool, region, "rectification|" + by, key, findingId + "|" + body,
                c -> finding(c, region, findingId, unitScope, true).chain(f -> {
                    RectificationRules.refuseRectification(f.rectification(), f.voidedBy() != null).ifPresent(why -> {
                        throw ProblemException.conflict(why).with("rectification", f.rectification());
                    });
                    if (body.rectifiedOn().isBefore(f.foundOn())) {
                        throw ProblemException.invalidField("rectifiedOn", "rectifiedOn（整改完成日期）不能早于发现日期 " + f.foundOn() + "。");
                    }
                    return loop.insertReport(c, region, findingId, body, by)
                            .call(() -> loop.setState(c, region, findingId, RectificationRules.RECTIFIED));
                }),
                Rectification.Report::id, (c, id) -> loop.report(c, region, id));
    }

    /** The supervisor's 复核 of the latest report: If-Match the finding's version; PASS → CLOSED, FAIL → OPEN. */
    public Uni<Rectification.History> verify(String region, UUID findingId, Rectification.NewVerification body, String ifMatch,
                                            String by) {
        long expected = ETags.requireVersion(ifMatch);
        boolean pass = "PASS".equals(body.decision());
        return pool.withTransaction(c -> finding(c, region, findingId, null, true).chain(f -> {
            RectificationRules.refuseVerification(f.rectification()).ifPresent(why -> {
                throw ProblemException.conflict(why).with("rectification", f.rectification());
            });
            if (f.version() != expected) {
                throw ProblemException.preconditionFailed("检查问题的整改状态已变化（当前版本 " + f.version() + "），请重新读取后再复核。");
            }
            return loop.latestReport(c, region, findingId).chain(report -> loop.insertVerification(c, region, findingId,
                            report.orElseThrow(), body.decision(), body.comment().strip(), by))
                    .call(() -> loop.setState(c, region, findingId, RectificationRules.afterVerification(pass)))
                    .call(() -> audit.inTransaction(c, 200));
        })).chain(() -> history(region, findingId, null));
    }

    private Uni<Finding> finding(SqlClient c, String region, UUID id, String unitScope, boolean forUpdate) {
        return loop.finding(c, region, id, forUpdate).map(found -> {
            Finding f = found.orElse(null);
            if (f == null || unitScope != null && !unitScope.equals(f.unitId())) {
                throw ProblemException.notFound("检查问题不存在：" + id);
            }
            return f;
        });
    }
}
