package io.duban.report.urge;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.report.alert.AlertChannelStore;
import io.duban.report.alert.AlertKind;
import io.duban.report.common.CreationKeys;
import io.duban.report.common.Today;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 催办: checks the unit has a channel and the items are its own, claims each (unit, item) for the day (a second
 * urge the same day is a 409 naming the first), records the urge and puts its alert in the outbox in one
 * transaction; the unit's receipt is recorded once.
 */
@ApplicationScoped
public class UrgeService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    UrgeRepository urges;

    @Inject
    AlertChannelStore channels;

    @Inject
    Today today;

    public Uni<CreationKeys.Created<Urge>> urge(String region, Urge.NewUrge body, String key, String by) {
        String unitId = body.unitId().strip();
        List<UUID> obligationIds = body.obligationIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(body.obligationIds()));
        List<UUID> findingIds = body.findingIds() == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(body.findingIds()));
        String message = body.message() == null || body.message().isBlank() ? null : body.message().strip();
        LocalDate day = today.date();
        return channels.load(region).chain(stored -> {
            if (stored.channels() == null || stored.channels().route(AlertKind.URGE, unitId).isEmpty()) {
                throw ProblemException.unprocessable("单位 " + unitId + " 没有可用的通知渠道：本区域未配置通知渠道"
                        + "（alert-channels 的 units." + unitId + " 或 default），催办无法送达。").with("channel", "units." + unitId);
            }
            return CreationKeys.once(audit, pool, region, "urge|" + by, key,
                    unitId + "|" + obligationIds + "|" + findingIds + "|" + message,
                    c -> urges.unitName(c, region, unitId).chain(name -> {
                        if (name.isEmpty()) {
                            throw ProblemException.invalidField("unitId", "单位 " + unitId + " 不在本区域的任何任务分解中，请核对单位标识。");
                        }
                        return items(c, region, unitId, obligationIds, findingIds, day).chain(items -> {
                            UUID id = UUID.randomUUID();
                            return urges.claimItems(c, region, unitId, day, items, id).chain(first -> {
                                if (first.isPresent()) {
                                    throw ProblemException.conflict("今天已就其中的事项催办过该单位（" + first.get()
                                            + "），每个事项每个工作日只催办一次。").with("urgeId", first.get());
                                }
                                return urges.insert(c, region, id, unitId, name.get(), day, message, items, by)
                                        .call(u -> urges.enqueueAlert(c, region, u));
                            });
                        });
                    }),
                    Urge::id, (c, id) -> urges.find(c, region, id, false).map(Optional::orElseThrow));
        });
    }

    /** The unit's receipt (已阅): recorded once with who and when; a repeat answers with the first. */
    public Uni<Urge> receipt(String region, UUID id, String unitScope, String by) {
        return pool.withTransaction(c -> urge(c, region, id, unitScope, true)
                .chain(u -> u.readAt() != null ? Uni.createFrom().item(u)
                        : urges.markRead(c, region, id, by).call(read -> audit.inTransaction(c, 200))));
    }

    public Uni<Urge> get(String region, UUID id, String unitScope) {
        return urge(pool, region, id, unitScope, false);
    }

    public Uni<Page<Urge>> list(String region, String unitId, String status, PageRequest page) {
        return urges.list(region, unitId, status, page);
    }

    private Uni<Urge> urge(SqlClient c, String region, UUID id, String unitScope, boolean forUpdate) {
        return urges.find(c, region, id, forUpdate).map(found -> {
            Urge u = found.orElse(null);
            if (u == null || unitScope != null && !unitScope.equals(u.unitId())) {
                throw ProblemException.notFound("催办不存在：" + id);
            }
            return u;
        });
    }

    /** The items named (each must be the unit's), or all its overdue ones when none is named. */
    private Uni<List<Urge.Item>> items(SqlClient c, String region, String unitId, List<UUID> obligationIds, List<UUID> findingIds,
                                       LocalDate day) {
        if (obligationIds.isEmpty() && findingIds.isEmpty()) {
            return urges.overdueObligations(c, region, unitId, day).chain(o -> urges.overdueFindings(c, region, unitId, day)
                    .map(f -> {
                        List<Urge.Item> all = new ArrayList<>();
                        o.forEach(x -> all.add(x.item()));
                        f.forEach(x -> all.add(x.item()));
                        if (all.isEmpty()) {
                            throw ProblemException.unprocessable("单位 " + unitId + " 截至 " + day + " 没有逾期事项或逾期未整改的问题，无需催办。");
                        }
                        return all;
                    }));
        }
        Uni<List<UrgeRepository.Candidate>> o = obligationIds.isEmpty() ? Uni.createFrom().item(List.of())
                : urges.obligations(c, region, obligationIds);
        return o.chain(os -> (findingIds.isEmpty() ? Uni.createFrom().item(List.<UrgeRepository.Candidate>of())
                : urges.findings(c, region, findingIds)).map(fs -> {
                    check("obligationIds", obligationIds, os, unitId);
                    check("findingIds", findingIds, fs, unitId);
                    List<Urge.Item> all = new ArrayList<>();
                    os.forEach(x -> all.add(x.item()));
                    fs.forEach(x -> all.add(x.item()));
                    return all;
                }));
    }

    private static void check(String field, List<UUID> asked, List<UrgeRepository.Candidate> found, String unitId) {
        for (UUID id : asked) {
            Optional<UrgeRepository.Candidate> c = found.stream().filter(x -> x.item().id().equals(id)).findFirst();
            if (c.isEmpty() || !unitId.equals(c.get().unitId())) {
                throw ProblemException.invalidField(field, field + " 中的 " + id + " 不是单位 " + unitId + " 的事项。");
            }
        }
    }
}
