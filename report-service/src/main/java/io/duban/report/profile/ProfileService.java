package io.duban.report.profile;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.report.common.Races;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Reads and replaces a region's profile (optimistic: If-Match once it exists). */
@ApplicationScoped
public class ProfileService {

    static final int MAX_LENGTH = 100;

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    /** A profile with its version. */
    public record Versioned(RegionProfile profile, long version) {
    }

    /** The profile, or null when none has been set. */
    public Uni<Versioned> find(String region) {
        return pool.preparedQuery("SELECT name, issuer, bulletin_office, version FROM region_profile WHERE region = $1")
                .execute(Tuple.of(region)).map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Versioned(new RegionProfile(r.getString("name"), r.getString("issuer"),
                            r.getString("bulletin_office")), r.getLong("version"));
                });
    }

    public Uni<Versioned> get(String region) {
        return find(region).map(v -> {
            if (v == null) {
                throw ProblemException.notFound("本区域尚未设置名称与发文机关（PUT /profile）。");
            }
            return v;
        });
    }

    public Uni<Versioned> put(String region, RegionProfile p, String ifMatch, String by) {
        RegionProfile clean = validate(p);
        return pool.withTransaction(c -> c.preparedQuery("SELECT version FROM region_profile WHERE region = $1 FOR UPDATE")
                .execute(Tuple.of(region)).chain(rows -> {
                    if (rows.size() == 0) {
                        if (ifMatch != null && !ifMatch.isBlank()) {
                            throw ProblemException.preconditionFailed("区域信息尚未设置，If-Match 无从匹配。");
                        }
                        return c.preparedQuery("INSERT INTO region_profile (region, name, issuer, bulletin_office, updated_by)"
                                        + " VALUES ($1, $2, $3, $4, $5) RETURNING version")
                                .execute(Tuple.of(region, clean.name(), clean.issuer(), clean.bulletinOffice(), by));
                    }
                    ETags.check(ifMatch, rows.iterator().next().getLong("version"));
                    return c.preparedQuery("UPDATE region_profile SET name = $2, issuer = $3, bulletin_office = $4,"
                                    + " updated_by = $5, updated_at = now(), version = version + 1 WHERE region = $1 RETURNING version")
                            .execute(Tuple.of(region, clean.name(), clean.issuer(), clean.bulletinOffice(), by));
                }).call(rows -> audit.inTransaction(c, 200)).map(rows -> new Versioned(clean, rows.iterator().next().getLong("version"))))
                // two first PUTs at once: both found no row, the primary key let one insert
                .onFailure(Races::lostToAConcurrentWriter)
                .transform(e -> ProblemException.conflict("区域信息已被另一请求同时设置，请重新读取后再修改。"));
    }

    static RegionProfile validate(RegionProfile p) {
        if (p == null) {
            throw ProblemException.invalidField("body", "缺少请求体。");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = text("name", p.name(), errors);
        String issuer = text("issuer", p.issuer(), errors);
        String office = text("bulletinOffice", p.bulletinOffice(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("区域信息不完整：" + errors.get(0).message(), errors);
        }
        return new RegionProfile(name, issuer, office);
    }

    private static String text(String field, String v, List<FieldError> errors) {
        if (v == null || v.isBlank()) {
            errors.add(new FieldError(field, field + " 不能为空。"));
            return null;
        }
        if (v.strip().length() > MAX_LENGTH) {
            errors.add(new FieldError(field, field + " 不能超过 " + MAX_LENGTH + " 个字符。"));
        }
        return v.strip();
    }
}
