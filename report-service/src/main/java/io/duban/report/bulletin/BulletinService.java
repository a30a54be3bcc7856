package io.duban.report.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.report.common.AsOf;
import io.duban.common.sql.Sql;
import io.duban.report.finding.FindingService;
import io.duban.report.profile.ProfileService;
import io.duban.report.query.ObligationFilter;
import io.duban.report.query.ObligationQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Creates 通报 with their content computed and frozen, lets a supervisor edit the 下一步工作要求 of
 * a DRAFT, and publishes them. A published bulletin is never written again.
 */
@ApplicationScoped
public class BulletinService {

    static final int MAX_NEXT_STEPS = 5000;
    static final String COLUMNS = "id, region, year, quarter, as_of, status, version, created_by, created_at, published_by,"
            + " published_at, next_steps, content::text AS content";

    @Inject
    Pool pool;

    @Inject
    ObligationQueries queries;

    @Inject
    FindingService findings;

    @Inject
    ProfileService profiles;

    @Inject
    ObjectMapper json;

    @Inject
    io.duban.report.life.ReturnCounts returnCounts;

    public Uni<Bulletin> create(String region, NewBulletin body, String by) {
        Request r = validate(body);
        Quarters prev = r.quarter().previous();
        return profiles.find(region).chain(profile -> {
            if (profile == null) {
                throw ProblemException.conflict("请先设置本区域的名称与发文机关（PUT /profile），通报要用到。");
            }
            return checkPlans(region, r.planIds())
                    .chain(() -> Uni.combine().all().unis(
                            queries.all(ObligationFilter.region(region, r.asOf()).withDue(r.quarter().first(), r.quarter().last()),
                                    r.planIds(), ObligationQueries.BY_DUE),
                            queries.all(ObligationFilter.region(region, prev.last()).withDue(prev.first(), prev.last()),
                                    r.planIds(), ObligationQueries.BY_DUE),
                            findings.effective(region, r.quarter().first(), r.quarter().last()),
                            returnCounts.byUnit(region, r.quarter().first(), r.asOf().isBefore(r.quarter().last()) ? r.asOf()
                                    : r.quarter().last(), r.planIds())).asTuple())
                    .chain(t -> {
                        BulletinContent content = BulletinCalculator.compute(region, r.quarter(), r.asOf(), r.planIds(),
                                profile.profile(), t.getItem1(), new BulletinContent.Previous(prev.year(), prev.quarter(),
                                        prev.last(), BulletinCalculator.totals(t.getItem2())), t.getItem3(), t.getItem4());
                        UUID id = UUID.randomUUID();
                        return pool.preparedQuery("INSERT INTO bulletin (region, id, year, quarter, as_of, status, content,"
                                        + " next_steps, created_by) VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6::text::jsonb, $7, $8)"
                                        + " RETURNING " + COLUMNS)
                                .execute(Tuple.from(java.util.Arrays.asList(region, id, r.quarter().year(), r.quarter().quarter(), r.asOf(),
                                        write(content), BulletinDocument.defaultNextSteps(content), by)))
                                .map(rows -> from(rows.iterator().next()));
                    });
        });
    }

    public Uni<Page<Bulletin.Summary>> list(String region, Integer year, boolean publishedOnly, PageRequest page) {
        Sql where = new Sql().append(" WHERE region = ", region, "");
        if (year != null) {
            where.append(" AND year = ", year, "");
        }
        if (publishedOnly) {
            where.append(" AND status = 'PUBLISHED'");
        }
        Sql items = where.copy().wrap("SELECT id, year, quarter, as_of, status, version, content->>'title' AS title,"
                + " created_at, published_at, count(*) OVER () AS total FROM bulletin", "");
        items.append(" ORDER BY year DESC, quarter DESC, created_at DESC, id");
        items.append(" LIMIT ", page.size(), "");
        items.append(" OFFSET ", page.offset(), "");
        return pool.preparedQuery(items.text()).execute(items.tuple()).map(rows -> {
            List<Bulletin.Summary> out = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                out.add(new Bulletin.Summary(r.getUUID("id"), r.getInteger("year"), r.getInteger("quarter"),
                        r.getLocalDate("as_of"), r.getString("status"), r.getLong("version"), r.getString("title"),
                        r.getOffsetDateTime("created_at"), r.getOffsetDateTime("published_at")));
            }
            return Page.of(out, total, page);
        });
    }

    public Uni<Bulletin> get(String region, UUID id, boolean publishedOnly) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM bulletin WHERE region = $1 AND id = $2")
                .execute(Tuple.of(region, id)).map(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(id);
                    }
                    Bulletin b = from(rows.iterator().next());
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
        return pool.withTransaction(c -> c.preparedQuery("SELECT status, version FROM bulletin WHERE region = $1 AND id = $2 FOR UPDATE")
                .execute(Tuple.of(region, id)).chain(rows -> {
                    if (rows.size() == 0) {
                        throw notFound(id);
                    }
                    Row r = rows.iterator().next();
                    if (Bulletin.PUBLISHED.equals(r.getString("status"))) {
                        throw ProblemException.conflict("通报已发布，不能再修改；如需更正请重新生成一期。");
                    }
                    if (r.getLong("version") != expected) {
                        throw ProblemException.preconditionFailed("通报已被他人修改（当前版本 " + r.getLong("version")
                                + "），请重新读取后再修改。");
                    }
                    return c.preparedQuery("UPDATE bulletin SET next_steps = $3, version = version + 1"
                            + " WHERE region = $1 AND id = $2 RETURNING " + COLUMNS).execute(Tuple.of(region, id, text));
                }).map(rows -> from(rows.iterator().next())));
    }

    /** DRAFT → PUBLISHED. Publishing again is a 409: a published bulletin is never touched. */
    public Uni<Bulletin> publish(String region, UUID id, String by) {
        return pool.withTransaction(c -> c.preparedQuery("UPDATE bulletin SET status = 'PUBLISHED', published_by = $3,"
                        + " published_at = now(), version = version + 1 WHERE region = $1 AND id = $2 AND status = 'DRAFT'"
                        + " RETURNING " + COLUMNS).execute(Tuple.of(region, id, by))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        return Uni.createFrom().item(from(rows.iterator().next()));
                    }
                    return c.preparedQuery("SELECT 1 FROM bulletin WHERE region = $1 AND id = $2").execute(Tuple.of(region, id))
                            .map(found -> {
                                if (found.size() == 0) {
                                    throw notFound(id);
                                }
                                throw ProblemException.conflict("通报已发布，无需再次发布。");
                            });
                }));
    }

    private Uni<Void> checkPlans(String region, List<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("SELECT id FROM plan WHERE region = $1 AND id = ANY($2)")
                .execute(Tuple.of(region, planIds.toArray(UUID[]::new))).map(rows -> {
                    Set<UUID> known = new HashSet<>();
                    rows.forEach(r -> known.add(r.getUUID("id")));
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

    private Bulletin from(Row r) {
        BulletinContent content;
        try {
            content = json.readValue(r.getString("content"), BulletinContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored bulletin content unreadable: " + r.getUUID("id"), e);
        }
        return new Bulletin(r.getUUID("id"), r.getString("region"), r.getInteger("year"), r.getInteger("quarter"),
                r.getLocalDate("as_of"), r.getString("status"), r.getLong("version"), r.getString("created_by"),
                r.getOffsetDateTime("created_at"), r.getString("published_by"), r.getOffsetDateTime("published_at"),
                r.getString("next_steps"), content);
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("通报 " + id + " 不存在。");
    }
}
