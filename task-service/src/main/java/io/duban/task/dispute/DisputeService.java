package io.duban.task.dispute;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.task.assignment.AssignmentDto;
import io.duban.task.assignment.AssignmentRepository;
import io.duban.task.common.Idempotency;
import io.duban.task.common.Json;
import io.duban.task.feed.ChangeLog;
import io.duban.task.orgclient.OrgClient;
import io.duban.feed.Snapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 申诉: a unit says an assignment is not its duty; the supervisor upholds (the assignment withdrawn, never
 * deleted, other units possibly designated in the same transaction) or rejects it. While a dispute is open
 * the assignment and its deadline stand.
 */
@ApplicationScoped
public class DisputeService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    DisputeRepository disputes;

    @Inject
    AssignmentRepository assignments;

    @Inject
    OrgClient org;

    public Uni<Idempotency.Stored> raise(String region, UUID assignmentId, UUID unitScope, String key, DisputeRequest body, String who) {
        String idemKey = Idempotency.validKey(key, unitScope);
        String hash = Idempotency.hash("dispute", assignmentId.toString(), Json.write(body));
        return pool.withTransaction(tx -> Idempotency.claim(tx, region, idemKey, hash).flatMap(replay -> {
            if (replay.isPresent()) {
                return Uni.createFrom().item(replay.get());
            }
            return assignments.get(tx, region, assignmentId, unitScope).flatMap(a -> {
                if (!a.active()) {
                    throw ProblemException.conflict("该责任分解已撤销，不能再申诉。");
                }
                DisputeDto open = new DisputeDto(UUID.randomUUID(), region, a.id(), a.taskId(), a.unitId(), body.reason().strip(),
                        DisputeStatus.OPEN, who, Instant.now().truncatedTo(ChronoUnit.MICROS), null, List.of(), null, null, 1);
                return disputes.insert(tx, open).flatMap(saved -> {
                    Idempotency.Stored response = new Idempotency.Stored(201, Json.write(saved));
                    return audit.inTransaction(tx, response.status(), saved.id().toString())
                            .flatMap(v -> Idempotency.complete(tx, region, idemKey, response)).replaceWith(response);
                });
            });
        }));
    }

    /** Why a decision found no OPEN dispute at the version read: already decided → 409, else stale → 412. */
    private static ProblemException refusal(DisputeDto current) {
        if (current.status() != DisputeStatus.OPEN) {
            return ProblemException.conflict("该申诉已处理，不能再次处理。").with("status", current.status().name());
        }
        return ProblemException.preconditionFailed("申诉已被更新（当前版本 " + current.version() + "），请重新读取后再处理。");
    }

    /** The decided dispute and, for an UPHOLD, the assignments it withdrew and created or reactivated. */
    public record Decided(DisputeDto dispute, List<AssignmentDto> assignments) {
    }

    public Uni<Decided> decide(String region, UUID disputeId, String ifMatch, DecisionRequest body, String who, String authorization) {
        long expected = ETags.requireVersion(ifMatch);
        return disputes.get(region, disputeId, null).flatMap(current -> {
            DisputeRules.Checked checked = DisputeRules.check(body, current.unitId());
            if (!checked.errors().isEmpty()) {
                throw ProblemException.validation("申诉处理意见有误。", checked.errors());
            }
            List<UUID> designate = checked.designated();
            return named(region, authorization, designate).flatMap(units -> pool.withTransaction(tx -> {
                DisputeStatus status = body.decision() == DecisionRequest.Decision.UPHOLD ? DisputeStatus.UPHELD : DisputeStatus.REJECTED;
                String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
                return disputes.decide(tx, region, disputeId, expected, status, comment, designate, who,
                                Instant.now().truncatedTo(ChronoUnit.MICROS))
                        .flatMap(decided -> {
                            if (decided.isEmpty()) {
                                return disputes.get(tx, region, disputeId, null).map(d -> {
                                    throw refusal(d);
                                });
                            }
                            if (status == DisputeStatus.REJECTED) {
                                return audit.inTransaction(tx, 200).replaceWith(new Decided(decided.get(), List.of()));
                            }
                            return withdraw(tx, decided.get(), units).map(changed -> new Decided(decided.get(), changed))
                                    .call(d -> audit.inTransaction(tx, 200));
                        });
            }));
        });
    }

    private Uni<List<AssignmentDto>> withdraw(io.vertx.mutiny.sqlclient.SqlClient tx, DisputeDto d, List<DisputeRules.UnitName> units) {
        return assignments.forTask(tx, d.region(), d.taskId()).flatMap(ofTask -> {
            AssignmentDto disputed = ofTask.stream().filter(a -> a.id().equals(d.assignmentId())).findFirst()
                    .orElseThrow(() -> AssignmentRepository.notFound(d.assignmentId()));
            List<AssignmentDto> changed = new ArrayList<>();
            if (disputed.active()) {
                changed.add(disputed.deactivated());
            }
            DisputeRules.Designation designation = DisputeRules.designate(disputed, ofTask, units);
            changed.addAll(designation.changed());
            List<Snapshot> feed = new ArrayList<>();
            changed.forEach(a -> feed.add(a.snapshot()));
            designation.created().forEach(a -> feed.add(a.snapshot()));
            List<AssignmentDto> all = new ArrayList<>(changed);
            all.addAll(designation.created());
            return assignments.updateAll(tx, changed)
                    .flatMap(v -> assignments.insertAll(tx, designation.created()))
                    .flatMap(v -> ChangeLog.append(tx, feed))
                    .replaceWith(all);
        });
    }

    private Uni<List<DisputeRules.UnitName>> named(String region, String authorization, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Uni.join().all(ids.stream().map(u -> org.unit(region, authorization, u.toString())
                .map(found -> found.map(v -> new DisputeRules.UnitName(u, v.name()))
                        .orElseThrow(() -> ProblemException.unprocessable("单位不存在：" + u).with("unitId", u.toString()))))
                .toList()).andFailFast();
    }
}
