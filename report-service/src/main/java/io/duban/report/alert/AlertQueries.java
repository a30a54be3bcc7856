package io.duban.report.alert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.common.sql.Sql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Lists a region's alerts with their delivery state, newest day first. */
@ApplicationScoped
public class AlertQueries {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    public Uni<Page<AlertView>> list(String region, LocalDate date, String unitId, String status, String kind,
                                     PageRequest page) {
        Sql where = new Sql().append(" FROM alert WHERE region = ", region, "");
        if (date != null) {
            where.append(" AND alert_date = ", date, "");
        }
        if (unitId != null) {
            where.append(" AND unit_id = ", unitId, "");
        }
        if (status != null) {
            where.append(" AND status = ", status, "");
        }
        if (kind != null) {
            where.append(" AND kind = ", kind, "");
        }
        Sql count = where.wrap("SELECT count(*) AS n", "");
        Sql rows = where.wrap("SELECT region, id, alert_date, unit_id, unit_name, kind, status, attempts, channel, format,"
                + " last_error, created_at, last_attempt_at, next_attempt_at, sent_at, items::text AS items", "");
        rows.append(" ORDER BY alert_date DESC, unit_name, unit_id, kind, id");
        rows.append(" LIMIT ", page.size(), "");
        rows.append(" OFFSET ", page.offset(), "");
        return pool.preparedQuery(count.text()).execute(count.tuple())
                .map(r -> r.iterator().next().getLong("n"))
                .chain(total -> pool.preparedQuery(rows.text()).execute(rows.tuple()).map(rs -> {
                    List<AlertView> items = new ArrayList<>();
                    for (Row r : rs) {
                        items.add(view(r));
                    }
                    return Page.of(items, total, page);
                }));
    }

    private AlertView view(Row r) {
        try {
            boolean pending = "PENDING".equals(r.getString("status"));
            return new AlertView(r.getUUID("id"), r.getLocalDate("alert_date"), r.getString("unit_id"),
                    r.getString("unit_name"), AlertKind.valueOf(r.getString("kind")), r.getString("status"),
                    r.getInteger("attempts"), r.getString("channel"), r.getString("format"), r.getString("last_error"),
                    r.getOffsetDateTime("created_at"), r.getOffsetDateTime("last_attempt_at"),
                    pending ? r.getOffsetDateTime("next_attempt_at") : null, r.getOffsetDateTime("sent_at"),
                    json.readValue(r.getString("items"), new TypeReference<List<AlertItem>>() { }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("alert row unreadable", e);
        }
    }
}
