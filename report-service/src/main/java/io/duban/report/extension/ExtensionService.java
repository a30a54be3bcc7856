package io.duban.report.extension;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.report.common.AdvisoryLock;
import io.duban.report.common.CreationKeys;
import io.duban.report.common.Today;
import io.duban.report.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 延期申请 and extensions: a unit asks, the supervisor approves (possibly to an earlier date) or
 * rejects, or extends directly. Every grant is a new {@link Extension} row and moves the obligation's
 * due date in force in the same transaction; {@link ExtensionRules} decides what may be asked or granted.
 */
@ApplicationScoped
public class ExtensionService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    ExtensionRepository extensions;

    @Inject
    SettingsService settings;

    @Inject
    Today today;

    /** An obligation's due dates with the extensions it was granted. */
    public record History(UUID obligationId, LocalDate dueOn, LocalDate originalDueOn, List<Extension> extensions) {
    }

    /**
     * A unit asks for {@code obligationId}; {@code unitScope} is the unit a unit token speaks for (another
     * unit's obligation is a 404 to it), null for the supervisor.
     */
    public Uni<CreationKeys.Created<ExtensionRequest>> request(String region, UUID obligationId, String unitScope,
                                                               ExtensionBodies.NewRequest body, String key, String by) {
        checkYear("requestedDueOn", body.requestedDueOn());
        String reason = body.reason().strip();
        LocalDate day = today.date();
        return settings.of(region).chain(s -> CreationKeys.once(audit, pool, region, "extension-request|" + by, key,
                obligationId + "|" + body.requestedDueOn() + "|" + reason,
                c -> lockObligation(c, region, obligationId).chain(() -> target(c, region, obligationId, unitScope, true))
                        .chain(o -> extensions.pendingRequest(c, region, obligationId).chain(pending -> {
                            if (pending.isPresent()) {
                                throw ProblemException.conflict("该事项已有待审批的延期申请（" + pending.get() + "），请等待审批结果。")
                                        .with("requestId", pending.get());
                            }
                            ExtensionRules.refuseRequest(o.state(day), body.requestedDueOn(), day, s.maxExtensions())
                                    .ifPresent(ExtensionService::refuse);
                            return extensions.insertRequest(c, region, o, body.requestedDueOn(), reason, by);
                        })),
                ExtensionRequest::id, (c, id) -> extensions.request(c, region, id, false).map(Optional::orElseThrow)));
    }

    /** The supervisor's decision on a PENDING request: If-Match its version; a decided request is a 409. */
    public Uni<ExtensionRequest> decide(String region, UUID id, ExtensionBodies.Decision body, String ifMatch, String by) {
        long expected = ETags.requireVersion(ifMatch);
        boolean approve = "APPROVE".equals(body.decision());
        if (body.approvedDueOn() != null) {
            checkYear("approvedDueOn", body.approvedDueOn());
        }
        String comment = body.comment().strip();
        return settings.of(region).chain(s -> pool.withTransaction(c -> extensions.request(c, region, id, true).chain(found -> {
            ExtensionRequest r = found.orElseThrow(() -> notFound(id));
            if (!ExtensionRequest.PENDING.equals(r.status())) {
                throw ProblemException.conflict("该延期申请已于 " + r.decidedAt() + " 由 " + r.decidedBy() + " 审批（"
                        + (ExtensionRequest.APPROVED.equals(r.status()) ? "批准" : "不予批准") + "），不能再次审批。");
            }
            if (r.version() != expected) {
                throw ProblemException.preconditionFailed("延期申请已被他人修改（当前版本 " + r.version() + "），请重新读取后再审批。");
            }
            if (!approve) {
                return extensions.decide(c, region, id, ExtensionRequest.REJECTED, null, comment, by);
            }
            LocalDate dueOn = body.approvedDueOn() != null ? body.approvedDueOn() : r.requestedDueOn();
            ExtensionRules.refuseApprovedDate(dueOn, r.requestedDueOn()).ifPresent(ExtensionService::refuse);
            return lockObligation(c, region, r.obligationId())
                    .chain(() -> extensions.target(c, region, r.obligationId(), true))
                    .chain(t -> {
                        ExtensionRepository.Target o = t.orElseThrow(() -> ProblemException.conflict(
                                "该延期申请所涉事项已不存在（任务或责任分解已变更），无法批准，请不予批准。"));
                        ExtensionRules.refuseGrant(o.state(today.date()), dueOn, s.maxExtensions())
                                .ifPresent(ExtensionService::refuse);
                        return extensions.grant(c, region, o, id, dueOn, comment, by, today.date());
                    })
                    .chain(() -> extensions.decide(c, region, id, ExtensionRequest.APPROVED, dueOn, comment, by));
        }).call(decided -> audit.inTransaction(c, 200))));
    }

    /** The supervisor extends directly (e.g. every obligation of a task after a policy change). */
    public Uni<CreationKeys.Created<Extension>> extend(String region, UUID obligationId, ExtensionBodies.Direct body, String key,
                                                       String by) {
        checkYear("dueOn", body.dueOn());
        String reason = body.reason().strip();
        return settings.of(region).chain(s -> CreationKeys.once(audit, pool, region, "extension|" + by, key,
                obligationId + "|" + body.dueOn() + "|" + reason,
                c -> lockObligation(c, region, obligationId).chain(() -> target(c, region, obligationId, null, true)).chain(o -> {
                    ExtensionRules.refuseGrant(o.state(today.date()), body.dueOn(), s.maxExtensions())
                            .ifPresent(ExtensionService::refuse);
                    return extensions.grant(c, region, o, null, body.dueOn(), reason, by, today.date());
                }),
                Extension::id, (c, id) -> extensions.extension(c, region, id)));
    }

    public Uni<ExtensionRequest> get(String region, UUID id, String unitScope) {
        return extensions.request(region, id).map(found -> {
            ExtensionRequest r = found.orElseThrow(() -> notFound(id));
            if (unitScope != null && !unitScope.equals(r.unitId())) {
                throw notFound(id);
            }
            return r;
        });
    }

    public Uni<Page<ExtensionRequest>> list(String region, String status, String unitId, PageRequest page) {
        return extensions.requests(region, status, unitId, page);
    }

    public Uni<History> history(String region, UUID obligationId, String unitScope) {
        return target(pool, region, obligationId, unitScope, false).chain(o -> extensions.extensionsOf(region, obligationId)
                .map(list -> new History(o.id(), o.dueOn(), o.originalDueOn(), list)));
    }

    private Uni<ExtensionRepository.Target> target(SqlClient c, String region, UUID obligationId, String unitScope,
                                                   boolean forUpdate) {
        return extensions.target(c, region, obligationId, forUpdate).map(found -> {
            ExtensionRepository.Target o = found.orElse(null);
            // a unit token learns nothing of another unit's obligations: not found, as if absent
            if (o == null || unitScope != null && !unitScope.equals(o.unitId())) {
                throw ProblemException.notFound("应办事项不存在：" + obligationId);
            }
            return o;
        });
    }

    private static Uni<Void> lockObligation(SqlClient c, String region, UUID obligationId) {
        return AdvisoryLock.EXTENSION.lock(c, region + "|" + obligationId);
    }

    private static void checkYear(String field, LocalDate d) {
        if (d.getYear() < 2000 || d.getYear() > 2100) {
            throw ProblemException.invalidField(field, field + " 应在 2000 到 2100 年之间。");
        }
    }

    private static void refuse(String why) {
        throw ProblemException.unprocessable(why);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("延期申请不存在：" + id);
    }
}
