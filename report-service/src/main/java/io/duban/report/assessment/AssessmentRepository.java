package io.duban.report.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code assessment_scheme} and {@code assessment} tables (schemes and frozen results, stored as
 * JSON) and the year's assigned units: every statement of the 考核 and the mapping of its rows.
 */
@ApplicationScoped
public class AssessmentRepository {

    /** A stored scheme with its version. */
    record StoredScheme(AssessmentScheme scheme, long version) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<Optional<StoredScheme>> scheme(String region, int year) {
        return pool.preparedQuery("SELECT scheme::text AS scheme, version FROM assessment_scheme WHERE region = $1 AND year = $2")
                .execute(Tuple.of(region, year)).map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(new StoredScheme(read(rows.iterator().next().getString("scheme"), AssessmentScheme.class),
                        rows.iterator().next().getLong("version"))));
    }

    Uni<Boolean> finalized(SqlClient c, String region, int year) {
        return c.preparedQuery("SELECT 1 FROM assessment WHERE region = $1 AND year = $2")
                .execute(Tuple.of(region, year)).map(rows -> rows.size() > 0);
    }

    /** The stored scheme's version, locked for a write in {@code c}'s transaction; empty when none is stored. */
    Uni<Optional<Long>> lockSchemeVersion(SqlClient c, String region, int year) {
        return c.preparedQuery("SELECT version FROM assessment_scheme WHERE region = $1 AND year = $2 FOR UPDATE")
                .execute(Tuple.of(region, year))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("version")));
    }

    /** Stores the year's first scheme; returns its version. */
    Uni<Long> insertScheme(SqlClient c, String region, int year, AssessmentScheme s, String by) {
        return c.preparedQuery("INSERT INTO assessment_scheme (region, year, scheme, updated_by)"
                        + " VALUES ($1, $2, $3::text::jsonb, $4) RETURNING version").execute(Tuple.of(region, year, write(s), by))
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    /** Replaces the year's scheme; returns the new version. */
    Uni<Long> updateScheme(SqlClient c, String region, int year, AssessmentScheme s, String by) {
        return c.preparedQuery("UPDATE assessment_scheme SET scheme = $3::text::jsonb, updated_by = $4, updated_at = now(),"
                        + " version = version + 1 WHERE region = $1 AND year = $2 RETURNING version")
                .execute(Tuple.of(region, year, write(s), by)).map(rows -> rows.iterator().next().getLong("version"));
    }

    /** Freezes a result; empty when the year was finalized already (the first one stays). */
    Uni<Optional<OffsetDateTime>> insertFinal(SqlClient c, String region, int year, Assessment.Full full, String by) {
        return c.preparedQuery("INSERT INTO assessment (region, year, content, finalized_by) VALUES ($1, $2, $3::text::jsonb, $4)"
                        + " ON CONFLICT (region, year) DO NOTHING RETURNING finalized_at")
                .execute(Tuple.of(region, year, write(full), by))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getOffsetDateTime("finalized_at")));
    }

    /** The frozen result of the year, with who finalized it and when; empty when not finalized. */
    Uni<Optional<Assessment.Full>> finalResult(String region, int year) {
        return pool.preparedQuery("SELECT content::text AS content, finalized_by, finalized_at FROM assessment"
                        + " WHERE region = $1 AND year = $2").execute(Tuple.of(region, year))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    Assessment.Full f = read(r.getString("content"), Assessment.Full.class);
                    Assessment a = f.assessment();
                    return Optional.of(new Assessment.Full(new Assessment(a.region(), a.year(), a.asOf(), a.scheme(), true,
                            r.getOffsetDateTime("finalized_at"), r.getString("finalized_by"), a.units()), f.obligations()));
                });
    }

    /** Units with an active assignment in a plan of {@code year}: unit id → name. */
    Uni<Map<String, String>> assignedUnits(String region, int year) {
        return pool.preparedQuery("SELECT a.unit_id, max(a.unit_name) AS unit_name FROM assignment a"
                        + " JOIN plan p ON p.region = a.region AND p.id = a.plan_id"
                        // a session's 建议提案 are not part of the 考核's task part (ObligationFilter.workPlansOnly)
                        + " WHERE a.region = $1 AND p.year = $2 AND a.active AND a.unit_id <> ''"
                        + " AND coalesce(p.kind, '') <> '" + io.duban.report.query.ObligationFilter.PROPOSALS + "' GROUP BY a.unit_id")
                .execute(Tuple.of(region, year)).map(rows -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    rows.forEach(r -> m.put(r.getString("unit_id"), r.getString("unit_name")));
                    return m;
                });
    }

    /**
     * The 建议提案 of {@code year}'s sessions (plans of kind PROPOSALS) once per unit that is their 主办 (LEAD) or 协办 (CO),
     * from the projection of task-service's PROPOSAL snapshots.
     */
    Uni<java.util.List<Scoring.ProposalFact>> proposals(String region, int year) {
        return pool.preparedQuery("SELECT a.unit_id, max(a.unit_name) AS unit_name, max(a.role) AS role, pr.first_due,"
                        + " pr.first_replied_on, pr.satisfaction, pr.reopen_count"
                        + " FROM proposal pr JOIN plan p ON p.region = pr.region AND p.id = pr.plan_id"
                        + " JOIN assignment a ON a.region = pr.region AND a.task_id = pr.id"
                        + " WHERE pr.region = $1 AND p.year = $2 AND p.kind = '" + io.duban.report.query.ObligationFilter.PROPOSALS + "'"
                        + " AND a.active AND a.unit_id <> '' AND a.role IN ('LEAD', 'CO')"
                        // a unit both 主办 and 协办 of one proposal counts once, as 主办 (max: 'LEAD' > 'CO')
                        + " GROUP BY a.unit_id, pr.id, pr.first_due, pr.first_replied_on, pr.satisfaction, pr.reopen_count"
                        + " ORDER BY a.unit_id, pr.id")
                .execute(Tuple.of(region, year)).map(rows -> {
                    java.util.List<Scoring.ProposalFact> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(new Scoring.ProposalFact(r.getString("unit_id"), r.getString("unit_name"),
                            r.getString("role"), r.getLocalDate("first_due"), r.getLocalDate("first_replied_on"),
                            r.getString("satisfaction"), r.getInteger("reopen_count") == null ? 0 : r.getInteger("reopen_count"))));
                    return out;
                });
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment data unreadable", e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
