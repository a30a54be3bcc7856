package io.duban.report.urge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.sql.PagedQuery;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.report.alert.AlertItem;
import io.duban.report.alert.AlertKind;
import io.duban.report.finding.RectificationRules;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code urge} and {@code urge_item} tables, the items an urge may name, and its alert in the outbox. */
@ApplicationScoped
public class UrgeRepository {

    static final String COLUMNS = "id, unit_id, unit_name, urge_day, message, items::text AS items, sent_by, sent_at, read_by, read_at";

    /** An urgeable item with the unit it belongs to. */
    record Candidate(Urge.Item item, String unitId) {
    }

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<Optional<String>> unitName(SqlClient c, String region, String unitId) {
        return c.preparedQuery("SELECT unit_name FROM assignment WHERE region = $1 AND unit_id = $2"
                        + " ORDER BY active DESC, unit_name LIMIT 1").execute(Tuple.of(region, unitId))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(Optional.ofNullable(rows.iterator().next().getString("unit_name")).orElse(unitId)));
    }

    /** The obligations named, with their unit. */
    Uni<List<Candidate>> obligations(SqlClient c, String region, List<UUID> ids) {
        return c.preparedQuery("SELECT o.id, o.unit_id, t.seq, t.requirement, o.due_on FROM obligation o"
                        + " LEFT JOIN task t ON t.region = o.region AND t.id = o.task_id WHERE o.region = $1 AND o.id = ANY($2)")
                .execute(Tuple.of(region, ids.toArray(UUID[]::new))).map(UrgeRepository::obligationCandidates);
    }

    /** The unit's obligations open and past due as of {@code day}. */
    Uni<List<Candidate>> overdueObligations(SqlClient c, String region, String unitId, LocalDate day) {
        return c.preparedQuery("SELECT o.id, o.unit_id, t.seq, t.requirement, o.due_on FROM obligation o"
                        + " LEFT JOIN task t ON t.region = o.region AND t.id = o.task_id WHERE o.region = $1 AND o.unit_id = $2"
                        + " AND o.due_on < $3 AND (o.completed_on IS NULL OR o.completed_on > $3)"
                        + " AND (o.pending_review_on IS NULL OR o.pending_review_on > $3) ORDER BY o.due_on, t.seq, o.id")
                .execute(Tuple.of(region, unitId, day)).map(UrgeRepository::obligationCandidates);
    }

    Uni<List<Candidate>> findings(SqlClient c, String region, List<UUID> ids) {
        return c.preparedQuery("SELECT f.id, f.unit_id, f.description, f.rectify_by FROM finding f WHERE f.region = $1"
                        + " AND f.id = ANY($2)").execute(Tuple.of(region, ids.toArray(UUID[]::new)))
                .map(UrgeRepository::findingCandidates);
    }

    Uni<List<Candidate>> overdueFindings(SqlClient c, String region, String unitId, LocalDate day) {
        return c.preparedQuery("SELECT f.id, f.unit_id, f.description, f.rectify_by FROM finding f WHERE f.region = $1"
                        + " AND f.unit_id = $2 AND " + RectificationRules.OVERDUE.replace(":asOf", "$3")
                        + " ORDER BY f.rectify_by, f.id").execute(Tuple.of(region, unitId, day))
                .map(UrgeRepository::findingCandidates);
    }

    /**
     * Claims the day's (unit, item) keys for {@code urgeId}; the id of an urge that got one of them first when
     * any is taken (then nothing of this urge may be written: the caller rolls back).
     */
    Uni<Optional<UUID>> claimItems(SqlClient c, String region, String unitId, LocalDate day, List<Urge.Item> items, UUID urgeId) {
        String[] kinds = items.stream().map(Urge.Item::kind).toArray(String[]::new);
        UUID[] ids = items.stream().map(Urge.Item::id).toArray(UUID[]::new);
        return c.preparedQuery("INSERT INTO urge_item (region, unit_id, urge_day, item_kind, item_id, urge_id)"
                        + " SELECT $1, $2, $3, k, i, $6 FROM unnest($4::text[], $5::uuid[]) u(k, i) ON CONFLICT DO NOTHING")
                .execute(Tuple.from(Arrays.asList(region, unitId, day, kinds, ids, urgeId)))
                .chain(inserted -> inserted.rowCount() == items.size() ? Uni.createFrom().item(Optional.<UUID>empty())
                        : c.preparedQuery("SELECT urge_id FROM urge_item u JOIN unnest($4::text[], $5::uuid[]) x(k, i)"
                                        + " ON u.item_kind = x.k AND u.item_id = x.i WHERE u.region = $1 AND u.unit_id = $2"
                                        + " AND u.urge_day = $3 AND u.urge_id <> $6 ORDER BY u.urge_id LIMIT 1")
                                .execute(Tuple.from(Arrays.asList(region, unitId, day, kinds, ids, urgeId)))
                                .map(rows -> Optional.of(rows.iterator().next().getUUID("urge_id"))));
    }

    Uni<Urge> insert(SqlClient c, String region, UUID id, String unitId, String unitName, LocalDate day, String message,
                     List<Urge.Item> items, String by) {
        return c.preparedQuery("INSERT INTO urge (region, id, unit_id, unit_name, urge_day, message, items, sent_by)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8) RETURNING " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(region, id, unitId, unitName, day, message, write(items), by)))
                .map(rows -> from(rows.iterator().next()));
    }

    /** Puts the urge's alert (same id) in the outbox, due at once; the delivery worker sends it in the sending window. */
    Uni<Void> enqueueAlert(SqlClient c, String region, Urge u) {
        List<AlertItem> items = u.items().stream().map(i -> new AlertItem(i.id(), i.taskSeq(), i.title(), i.dueOn(), null, null))
                .toList();
        return c.preparedQuery("INSERT INTO alert (region, id, alert_date, unit_id, unit_name, kind, items, note)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8)")
                .execute(Tuple.from(Arrays.asList(region, u.id(), u.day(), u.unitId(), u.unitName(), AlertKind.URGE.name(),
                        write(items), u.message())))
                .replaceWithVoid();
    }

    Uni<Optional<Urge>> find(SqlClient c, String region, UUID id, boolean forUpdate) {
        return c.preparedQuery("SELECT " + COLUMNS + " FROM urge WHERE region = $1 AND id = $2" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(region, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(from(rows.iterator().next())));
    }

    Uni<Urge> markRead(SqlClient c, String region, UUID id, String by) {
        return c.preparedQuery("UPDATE urge SET read_by = $3, read_at = now() WHERE region = $1 AND id = $2 RETURNING " + COLUMNS)
                .execute(Tuple.of(region, id, by)).map(rows -> from(rows.iterator().next()));
    }

    Uni<Page<Urge>> list(String region, String unitId, String status, PageRequest page) {
        List<Object> params = new ArrayList<>(List.of(region));
        StringBuilder where = new StringBuilder(" FROM urge WHERE region = $1");
        if (unitId != null) {
            params.add(unitId);
            where.append(" AND unit_id = $").append(params.size());
        }
        if (Urge.UNREAD.equals(status)) {
            where.append(" AND read_at IS NULL");
        } else if (Urge.READ.equals(status)) {
            where.append(" AND read_at IS NOT NULL");
        }
        return PagedQuery.page(pool, "SELECT " + COLUMNS + where + " ORDER BY sent_at DESC, id", "SELECT count(*)" + where,
                params, page, this::from);
    }

    /** Units urged more than {@code threshold} times on days in [from, to], most first: for the 通报. */
    public Uni<List<UrgedUnit>> urgedMoreThan(String region, LocalDate from, LocalDate to, int threshold) {
        return pool.preparedQuery("SELECT unit_id, max(unit_name) AS unit_name, count(*) AS n FROM urge WHERE region = $1"
                        + " AND urge_day BETWEEN $2 AND $3 GROUP BY unit_id HAVING count(*) > $4 ORDER BY n DESC, max(unit_name)")
                .execute(Tuple.of(region, from, to, threshold)).map(rows -> {
                    List<UrgedUnit> out = new ArrayList<>();
                    rows.forEach(r -> out.add(new UrgedUnit(r.getString("unit_id"), r.getString("unit_name"), r.getLong("n"))));
                    return out;
                });
    }

    /** A unit and how often it was urged. */
    public record UrgedUnit(String unitId, String unitName, long urges) {
    }

    private static List<Candidate> obligationCandidates(Iterable<Row> rows) {
        List<Candidate> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Candidate(new Urge.Item("OBLIGATION", r.getUUID("id"), r.getInteger("seq"), r.getString("requirement"),
                    r.getLocalDate("due_on")), r.getString("unit_id")));
        }
        return out;
    }

    private static List<Candidate> findingCandidates(Iterable<Row> rows) {
        List<Candidate> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Candidate(new Urge.Item("FINDING", r.getUUID("id"), null, "检查问题：" + r.getString("description"),
                    r.getLocalDate("rectify_by")), r.getString("unit_id")));
        }
        return out;
    }

    private Urge from(Row r) {
        List<Urge.Item> items;
        try {
            items = json.readValue(r.getString("items"), new TypeReference<List<Urge.Item>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored urge items unreadable", e);
        }
        return new Urge(r.getUUID("id"), r.getString("unit_id"), r.getString("unit_name"), r.getLocalDate("urge_day"),
                r.getString("message"), items, r.getString("sent_by"), r.getOffsetDateTime("sent_at"),
                r.getOffsetDateTime("read_at") == null ? Urge.UNREAD : Urge.READ, r.getString("read_by"),
                r.getOffsetDateTime("read_at"));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
