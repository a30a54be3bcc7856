package io.duban.report.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.sql.Sql;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code bulletin} table: every statement on it and the mapping of its rows (content stored as JSON). */
@ApplicationScoped
public class BulletinRepository {

    static final String COLUMNS = "id, region, year, quarter, as_of, status, version, created_by, created_at, published_by,"
            + " published_at, next_steps, content::text AS content";

    /** A bulletin's state as a writer locked it. */
    record Lock(String status, long version) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<Bulletin> insert(SqlClient c, String region, UUID id, Quarters quarter, LocalDate asOf, BulletinContent content,
                         String nextSteps, String by) {
        return c.preparedQuery("INSERT INTO bulletin (region, id, year, quarter, as_of, status, content,"
                        + " next_steps, created_by) VALUES ($1, $2, $3, $4, $5, 'DRAFT', $6::text::jsonb, $7, $8)"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(region, id, quarter.year(), quarter.quarter(), asOf,
                        write(content), nextSteps, by)))
                .map(rows -> from(rows.iterator().next()));
    }

    Uni<Page<Bulletin.Summary>> list(String region, Integer year, boolean publishedOnly, PageRequest page) {
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

    Uni<Optional<Bulletin>> find(String region, UUID id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM bulletin WHERE region = $1 AND id = $2")
                .execute(Tuple.of(region, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
    }

    /** Locks the row for a write in {@code c}'s transaction; empty when there is no such bulletin. */
    Uni<Optional<Lock>> lock(SqlClient c, String region, UUID id) {
        return c.preparedQuery("SELECT status, version FROM bulletin WHERE region = $1 AND id = $2 FOR UPDATE")
                .execute(Tuple.of(region, id)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new Lock(r.getString("status"), r.getLong("version")));
                });
    }

    Uni<Bulletin> updateNextSteps(SqlClient c, String region, UUID id, String text) {
        return c.preparedQuery("UPDATE bulletin SET next_steps = $3, version = version + 1"
                        + " WHERE region = $1 AND id = $2 RETURNING " + COLUMNS).execute(Tuple.of(region, id, text))
                .map(rows -> from(rows.iterator().next()));
    }

    /** DRAFT → PUBLISHED; empty when the bulletin is not a DRAFT (or does not exist). */
    Uni<Optional<Bulletin>> publishDraft(SqlClient c, String region, UUID id, String by) {
        return c.preparedQuery("UPDATE bulletin SET status = 'PUBLISHED', published_by = $3,"
                        + " published_at = now(), version = version + 1 WHERE region = $1 AND id = $2 AND status = 'DRAFT'"
                        + " RETURNING " + COLUMNS).execute(Tuple.of(region, id, by))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
    }

    Uni<Boolean> exists(SqlClient c, String region, UUID id) {
        return c.preparedQuery("SELECT 1 FROM bulletin WHERE region = $1 AND id = $2").execute(Tuple.of(region, id))
                .map(rows -> rows.size() > 0);
    }

    /** Which of {@code planIds} the region's projection knows. */
    Uni<Set<UUID>> knownPlans(String region, List<UUID> planIds) {
        return pool.preparedQuery("SELECT id FROM plan WHERE region = $1 AND id = ANY($2)")
                .execute(Tuple.of(region, planIds.toArray(UUID[]::new))).map(rows -> {
                    Set<UUID> known = new HashSet<>();
                    rows.forEach(r -> known.add(r.getUUID("id")));
                    return known;
                });
    }

    /** Task id → 序号 of the region's tasks. */
    Uni<java.util.Map<UUID, Integer>> taskSeqs(String region) {
        return pool.preparedQuery("SELECT id, seq FROM task WHERE region = $1").execute(Tuple.of(region)).map(rows -> {
            java.util.Map<UUID, Integer> m = new java.util.HashMap<>();
            rows.forEach(r -> m.put(r.getUUID("id"), r.getInteger("seq")));
            return m;
        });
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
}
