package io.duban.report.finding;

import io.duban.common.audit.AuditTrail;
import io.duban.report.common.AdvisoryLock;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.report.common.AsOf;
import io.duban.report.common.Races;
import io.duban.common.sql.Sql;
import io.duban.common.web.Ids;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Records and lists findings. A finding's unit must be one the region's projection knows (it has
 * an assignment in some plan): that is where its name comes from, and a typo in a unit id is
 * refused rather than filed against nobody.
 */
@ApplicationScoped
public class FindingService {

    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);
    static final int MAX_DESCRIPTION = 2000;

    static final String SELECT = "SELECT f.id, f.unit_id, f.unit_name, f.found_on, f.source, f.description, f.points,"
            + " f.voids, v.id AS voided_by, f.recorded_by, f.recorded_at, f.rectify_by, f.rectification_state,"
            + " f.rectification_version FROM finding f"
            + " LEFT JOIN finding v ON v.region = f.region AND v.voids = f.id";

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    io.duban.report.settings.SettingsService settings;

    @Inject
    io.duban.report.calendar.CalendarService calendars;

    static final int MAX_KEY = 200;

    /** A recorded finding, and whether it was recorded by this request (false: an Idempotency-Key retry). */
    public record Recorded(Finding finding, boolean created) {
    }

    /**
     * Records a finding. With an {@code Idempotency-Key}, a retry with the same body returns the
     * finding the first request recorded; the same key with another body is a 422.
     */
    public Uni<Recorded> record(String region, NewFinding body, String idempotencyKey, String by) {
        // two corrections of one finding at once: the unique index on voids lets one in, the other is told so
        return recordOnce(region, body, idempotencyKey, by).onFailure(Races::lostToAConcurrentWriter)
                .transform(e -> ProblemException.conflict("该检查问题已被同时提交的另一条更正，请刷新后更正最新的那一条。"));
    }

    private Uni<Recorded> recordOnce(String region, NewFinding body, String idempotencyKey, String by) {
        Valid v = validate(body);
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return record(region, v, by).map(f -> new Recorded(f, true));
        }
        String key = idempotencyKey.trim();
        if (key.length() > MAX_KEY) {
            throw ProblemException.invalidField("Idempotency-Key", "Idempotency-Key 不能超过 " + MAX_KEY + " 个字符。");
        }
        String hash = sha256(v.toString());
        // the settings are read before the transaction: a read on another pooled connection while this one is held
        // starves the pool when as many corrections arrive at once as it has connections
        return settings.of(region).chain(s -> pool.withTransaction(c -> AdvisoryLock.FINDING_REQUEST.lock(c, region + ":" + key)
                .chain(() -> c.preparedQuery("SELECT request_hash, finding_id FROM finding_request WHERE region = $1 AND key = $2")
                        .execute(Tuple.of(region, key)))
                .chain(rows -> {
                    if (rows.size() > 0) {
                        Row r = rows.iterator().next();
                        if (!r.getString("request_hash").equals(hash)) {
                            throw ProblemException.unprocessable("Idempotency-Key 已用于另一条不同的检查问题，请换一个键。");
                        }
                        return c.preparedQuery(SELECT + " WHERE f.region = $1 AND f.id = $2")
                                .execute(Tuple.of(region, r.getUUID("finding_id")))
                                .map(found -> new Recorded(Finding.from(found.iterator().next()), false));
                    }
                    return insert(c, region, v, by, s).chain(f -> c.preparedQuery("INSERT INTO finding_request (region, key,"
                                    + " request_hash, finding_id) VALUES ($1, $2, $3, $4)").execute(Tuple.of(region, key, hash, f.id()))
                            .replaceWith(new Recorded(f, true)));
                })));
    }

    private Uni<Finding> record(String region, Valid v, String by) {
        return settings.of(region).chain(s -> pool.withTransaction(c -> insert(c, region, v, by, s)));
    }

    private Uni<Finding> insert(SqlClient c, String region, Valid v, String by, io.duban.report.settings.SupervisionSettings s) {
        return unitName(c, region, v.unitId()).chain(name -> {
            if (name == null) {
                throw ProblemException.invalidField("unitId", "单位 " + v.unitId() + " 不在本区域的任何任务分解中，请核对单位标识。");
            }
            Uni<Void> check = v.voids() == null ? Uni.createFrom().voidItem() : checkVoidable(c, region, v.voids());
            UUID id = UUID.randomUUID();
            // a withdrawal (a 0-point correction) and a finding marked so have no 整改 loop
            boolean loop = v.needsRectification() && !(v.voids() != null && v.points().signum() == 0);
            return check.chain(() -> c.preparedQuery("INSERT INTO finding (region, id, unit_id,"
                                    + " unit_name, found_on, source, description, points, voids, recorded_by, rectify_by,"
                                    + " rectification_state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                            .execute(Tuple.from(Arrays.asList(region, id, v.unitId(), name, v.foundOn(), v.source(),
                                    v.description(), v.points(), v.voids(), by,
                                    !loop ? v.rectifyBy() : v.rectifyBy() != null ? v.rectifyBy()
                                            : RectificationRules.defaultRectifyBy(calendars.calendar(), v.foundOn(),
                                            s.rectifyWorkingDays()),
                                    loop ? RectificationRules.OPEN : RectificationRules.NOT_REQUIRED))))
                    .chain(() -> c.preparedQuery(SELECT + " WHERE f.region = $1 AND f.id = $2").execute(Tuple.of(region, id)))
                    .map(rows -> Finding.from(rows.iterator().next()))
                    // the finding's audit record commits with it (201, naming the finding)
                    .call(f -> audit.inTransaction(c, 201, f.id().toString()));
        });
    }

    /** Findings found in [from, to] (either may be null), optionally of one unit, oldest first. */
    public Uni<List<Finding>> list(String region, String unitId, LocalDate from, LocalDate to) {
        Sql sql = new Sql().append(SELECT + " WHERE f.region = ", region, "");
        if (unitId != null) {
            sql.append(" AND f.unit_id = ", unitId, "");
        }
        if (from != null) {
            sql.append(" AND f.found_on >= ", from, "");
        }
        if (to != null) {
            sql.append(" AND f.found_on <= ", to, "");
        }
        sql.append(" ORDER BY f.found_on, f.recorded_at, f.id");
        return pool.preparedQuery(sql.text()).execute(sql.tuple()).map(rows -> {
            List<Finding> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(Finding.from(r));
            }
            return out;
        });
    }

    /**
     * A page of findings found in [from, to], optionally of one unit and in one 整改 state ({@code OVERDUE}: open past
     * {@code rectifyBy} as of {@code asOf}, not voided), in the order of {@link #list}.
     */
    public Uni<Page<Finding>> page(String region, String unitId, LocalDate from, LocalDate to, String state, LocalDate asOf,
                                   PageRequest page) {
        Sql sql = new Sql().append("SELECT x.*, count(*) OVER () AS total FROM (" + SELECT + " WHERE f.region = ", region, "");
        if (unitId != null) {
            sql.append(" AND f.unit_id = ", unitId, "");
        }
        if (from != null) {
            sql.append(" AND f.found_on >= ", from, "");
        }
        if (to != null) {
            sql.append(" AND f.found_on <= ", to, "");
        }
        if ("OVERDUE".equals(state)) {
            sql.append(" AND " + RectificationRules.OVERDUE.replace(":asOf", sql.bind(asOf)));
        } else if (state != null) {
            sql.append(" AND f.rectification_state = ", state, "");
        }
        sql.append(") x ORDER BY x.found_on, x.recorded_at, x.id");
        sql.append(" LIMIT ", page.size(), "").append(" OFFSET ", page.offset(), "");
        return pool.preparedQuery(sql.text()).execute(sql.tuple()).map(rows -> {
            List<Finding> out = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                out.add(Finding.from(r));
            }
            return Page.of(out, total, page);
        });
    }

    /** The findings that count (not voided by a later one) in [from, to]. */
    public Uni<List<Finding>> effective(String region, LocalDate from, LocalDate to) {
        return list(region, null, from, to).map(all -> all.stream().filter(Finding::effective).toList());
    }

    private Uni<String> unitName(SqlClient c, String region, String unitId) {
        return c.preparedQuery("SELECT unit_name FROM assignment WHERE region = $1 AND unit_id = $2"
                        + " ORDER BY active DESC, unit_name LIMIT 1").execute(Tuple.of(region, unitId))
                .map(rows -> rows.size() == 0 ? null : nonNull(rows.iterator().next().getString("unit_name"), unitId));
    }

    private Uni<Void> checkVoidable(SqlClient c, String region, UUID voids) {
        return c.preparedQuery(SELECT + " WHERE f.region = $1 AND f.id = $2 FOR UPDATE OF f").execute(Tuple.of(region, voids))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.invalidField("voids", "要更正的检查问题 " + voids + " 不存在。");
                    }
                    if (rows.iterator().next().getUUID("voided_by") != null) {
                        throw ProblemException.conflict("该检查问题已被更正（" + rows.iterator().next().getUUID("voided_by")
                                + "），请更正最新的那一条。");
                    }
                    return null;
                });
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nonNull(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    /** A checked body. */
    record Valid(String unitId, LocalDate foundOn, String source, String description, BigDecimal points, UUID voids,
                 LocalDate rectifyBy, boolean needsRectification) {
    }

    static Valid validate(NewFinding b) {
        if (b == null) {
            throw ProblemException.invalidField("body", "缺少请求体。");
        }
        List<FieldError> errors = new ArrayList<>();
        if (b.unitId() == null || b.unitId().isBlank()) {
            errors.add(new FieldError("unitId", "unitId 不能为空。"));
        }
        LocalDate foundOn = null;
        try {
            foundOn = AsOf.required("foundOn", b.foundOn());
        } catch (ProblemException e) {
            errors.add(new FieldError("foundOn", e.detail()));
        }
        String source = b.source() == null ? "" : b.source().trim().toUpperCase();
        if (Arrays.stream(Finding.Source.values()).noneMatch(s -> s.name().equals(source))) {
            errors.add(new FieldError("source", "source 应为 DAILY_CHECK、QUARTERLY_CHECK 或 SPECIAL_CHECK。"));
        }
        if (b.description() == null || b.description().isBlank()) {
            errors.add(new FieldError("description", "description 不能为空。"));
        } else if (b.description().length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "description 不能超过 " + MAX_DESCRIPTION + " 个字符。"));
        }
        if (b.points() == null || b.points().signum() < 0 || b.points().compareTo(MAX_POINTS) > 0 || b.points().scale() > 2) {
            errors.add(new FieldError("points", "points 应为 0 到 100 之间的数，最多两位小数。"));
        }
        UUID voids = null;
        try {
            voids = Ids.optional("voids", b.voids());
        } catch (ProblemException e) {
            errors.add(new FieldError("voids", "voids 应为 UUID。"));
        }
        LocalDate rectifyBy = null;
        try {
            rectifyBy = AsOf.date("rectifyBy", b.rectifyBy());
        } catch (ProblemException e) {
            errors.add(new FieldError("rectifyBy", e.detail()));
        }
        if (rectifyBy != null && foundOn != null && rectifyBy.isBefore(foundOn)) {
            errors.add(new FieldError("rectifyBy", "rectifyBy（整改期限）不能早于 foundOn。"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("检查问题不符合要求：" + errors.get(0).message(), errors);
        }
        return new Valid(b.unitId().trim(), foundOn, source, b.description().strip(), b.points(), voids, rectifyBy,
                b.needsRectification() == null || b.needsRectification());
    }
}
