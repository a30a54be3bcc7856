package io.duban.report.bulletin;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.report.common.AsOf;
import io.duban.report.extension.Extension;
import io.duban.report.extension.ExtensionRepository;
import io.duban.report.finding.FindingService;
import io.duban.report.profile.ProfileService;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Creates 通报 with their content computed and frozen, lets a supervisor edit the 下一步工作要求 of
 * a DRAFT, and publishes them. A published bulletin is never written again. The statements are
 * {@link BulletinRepository}'s; this class checks requests and owns each unit of work.
 */
@ApplicationScoped
public class BulletinService {

    static final int MAX_NEXT_STEPS = 5000;

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    BulletinRepository bulletins;

    @Inject
    ObligationQueries queries;

    @Inject
    FindingService findings;

    @Inject
    ProfileService profiles;

    @Inject
    io.duban.report.life.ReturnCounts returnCounts;

    @Inject
    ExtensionRepository extensions;

    @Inject
    io.duban.report.urge.UrgeRepository urges;

    @Inject
    io.duban.report.settings.SettingsService settings;

    public Uni<Bulletin> create(String region, NewBulletin body, String by) {
        Request r = validate(body);
        Quarters prev = r.quarter().previous();
        return profiles.find(region).chain(profile -> {
            if (profile == null) {
                throw ProblemException.conflict("请先设置本区域的名称与发文机关（PUT /profile），通报要用到。");
            }
            return checkPlans(region, r.planIds())
                    .chain(() -> Uni.combine().all().unis(
                            queries.all(ObligationFilter.region(region, r.asOf()).withDue(r.quarter().first(), r.quarter().last()).workPlansOnly(),
                                    r.planIds(), ObligationQueries.BY_DUE),
                            queries.all(ObligationFilter.region(region, prev.last()).withDue(prev.first(), prev.last()).workPlansOnly(),
                                    r.planIds(), ObligationQueries.BY_DUE),
                            findings.effective(region, r.quarter().first(), r.quarter().last()),
                            returnCounts.byUnit(region, r.quarter().first(), r.asOf().isBefore(r.quarter().last()) ? r.asOf()
                                    : r.quarter().last(), r.planIds())).asTuple())
                    .chain(t -> {
                        BulletinContent content = BulletinCalculator.compute(region, r.quarter(), r.asOf(), r.planIds(),
                                profile.profile(), t.getItem1(), new BulletinContent.Previous(prev.year(), prev.quarter(),
                                        prev.last(), BulletinCalculator.totals(t.getItem2())), t.getItem3(), t.getItem4());
                        return supervision(region, r).chain(s -> {
                            BulletinContent withS = content.withSupervision(s);
                            // the draft and the request's audit record commit together
                            return pool.withTransaction(c -> bulletins.insert(c, region, UUID.randomUUID(), r.quarter(), r.asOf(),
                                    withS, BulletinDocument.defaultNextSteps(withS), by)
                                    .call(b -> audit.inTransaction(c, 201, b.id().toString())));
                        });
                    });
        });
    }

    /** The 督办 part: extensions granted in the quarter up to asOf, by unit, and the units urged often. */
    private Uni<BulletinContent.Supervision> supervision(String region, Request r) {
        LocalDate to = r.asOf().isBefore(r.quarter().last()) ? r.asOf() : r.quarter().last();
        Uni<List<BulletinContent.UrgedUnit>> urged = settings.of(region).chain(s -> urges.urgedMoreThan(region,
                r.quarter().first(), to, s.urgeReportThreshold())).map(list -> list.stream()
                .map(u -> new BulletinContent.UrgedUnit(u.unitId(), u.unitName(), u.urges())).toList());
        Uni<Integer> threshold = settings.of(region).map(s -> s.urgeReportThreshold());
        return Uni.combine().all().unis(extensions.grantedBetween(region, r.quarter().first(), to),
                bulletins.taskSeqs(region), urged, threshold).asTuple().map(t -> {
                    Map<String, BulletinContent.UnitExtensions> byUnit = new TreeMap<>();
                    for (Extension x : t.getItem1()) {
                        String unit = x.unitId() == null ? "" : x.unitId();
                        byUnit.computeIfAbsent(unit, k -> new BulletinContent.UnitExtensions(unit, x.unitName(), new ArrayList<>()))
                                .items().add(new BulletinContent.ExtensionLine(t.getItem2().get(x.taskId()), x.previousDueOn(),
                                        x.dueOn(), x.grantedOn(), x.reason(),
                                        x.requestId() != null));
                    }
                    List<BulletinContent.UnitExtensions> units = new ArrayList<>(byUnit.values());
                    units.sort(java.util.Comparator.comparing(u -> u.unitName() == null ? "" : u.unitName()));
                    return new BulletinContent.Supervision(units, t.getItem3(), t.getItem4());
                });
    }

    public Uni<Page<Bulletin.Summary>> list(String region, Integer year, boolean publishedOnly, PageRequest page) {
        return bulletins.list(region, year, publishedOnly, page);
    }

    public Uni<Bulletin> get(String region, UUID id, boolean publishedOnly) {
        return bulletins.find(region, id).map(found -> {
            Bulletin b = found.orElseThrow(() -> notFound(id));
            if (publishedOnly && !b.status().equals(Bulletin.PUBLISHED)) {
                throw notFound(id);
            }
            return b;
        });
    }

    /** Replaces the 下一步工作要求 of a DRAFT: 428 without If-Match, 412 when stale, 409 once published. */
    public Uni<Bulletin> editNextSteps(String region, UUID id, String ifMatch, NextSteps body, String by) {
        String text = body == null || body.nextSteps() == null ? "" : body.nextSteps().strip();
        if (text.isEmpty()) {
            throw ProblemException.invalidField("nextSteps", "nextSteps（下一步工作要求）不能为空。");
        }
        if (text.length() > MAX_NEXT_STEPS) {
            throw ProblemException.invalidField("nextSteps", "nextSteps 不能超过 " + MAX_NEXT_STEPS + " 个字符。");
        }
        long expected = ETags.requireVersion(ifMatch);
        return pool.withTransaction(c -> bulletins.lock(c, region, id).chain(found -> {
            BulletinRepository.Lock r = found.orElseThrow(() -> notFound(id));
            if (Bulletin.PUBLISHED.equals(r.status())) {
                throw ProblemException.conflict("通报已发布，不能再修改；如需更正请重新生成一期。");
            }
            if (r.version() != expected) {
                throw ProblemException.preconditionFailed("通报已被他人修改（当前版本 " + r.version()
                        + "），请重新读取后再修改。");
            }
            return bulletins.updateNextSteps(c, region, id, text).call(b -> audit.inTransaction(c, 200));
        }));
    }

    /** DRAFT → PUBLISHED. Publishing again is a 409: a published bulletin is never touched. */
    public Uni<Bulletin> publish(String region, UUID id, String by) {
        return pool.withTransaction(c -> bulletins.publishDraft(c, region, id, by).chain(published -> published.isPresent()
                ? audit.inTransaction(c, 200).replaceWith(published.get())
                : bulletins.exists(c, region, id).map(found -> {
                    if (!found) {
                        throw notFound(id);
                    }
                    throw ProblemException.conflict("通报已发布，无需再次发布。");
                })));
    }

    private Uni<Void> checkPlans(String region, List<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return bulletins.knownPlans(region, planIds).map(known -> {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < planIds.size(); i++) {
                if (!known.contains(planIds.get(i))) {
                    errors.add(new FieldError("planIds[" + i + "]", "本区域没有工作方案 " + planIds.get(i) + "。"));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.validation(errors.get(0).message(), errors);
            }
            return null;
        });
    }

    /** A checked request: the quarter, its plans (empty = all) and the day judged as of. */
    record Request(Quarters quarter, List<UUID> planIds, LocalDate asOf) {
    }

    static Request validate(NewBulletin b) {
        if (b == null) {
            throw ProblemException.invalidField("body", "缺少请求体。");
        }
        List<FieldError> errors = new ArrayList<>();
        if (b.year() == null || b.year() < 2000 || b.year() > 2100) {
            errors.add(new FieldError("year", "year 应为 2000 到 2100 之间的年份。"));
        }
        if (b.quarter() == null || b.quarter() < 1 || b.quarter() > 4) {
            errors.add(new FieldError("quarter", "quarter 应为 1 到 4。"));
        }
        List<UUID> plans = new ArrayList<>();
        if (b.planIds() != null) {
            for (int i = 0; i < b.planIds().size(); i++) {
                try {
                    plans.add(UUID.fromString(String.valueOf(b.planIds().get(i)).trim()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("planIds[" + i + "]", "planIds[" + i + "] 应为 UUID。"));
                }
            }
        }
        LocalDate asOf = null;
        try {
            asOf = AsOf.date("asOf", b.asOf());
        } catch (ProblemException e) {
            errors.add(new FieldError("asOf", e.detail()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("通报参数不符合要求：" + errors.get(0).message(), errors);
        }
        Quarters q = new Quarters(b.year(), b.quarter());
        if (asOf != null && asOf.isBefore(q.first())) {
            throw ProblemException.invalidField("asOf", "asOf 不能早于该季度的第一天 " + q.first() + "。");
        }
        return new Request(q, List.copyOf(new java.util.LinkedHashSet<>(plans)), asOf != null ? asOf : q.last());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("通报 " + id + " 不存在。");
    }
}
