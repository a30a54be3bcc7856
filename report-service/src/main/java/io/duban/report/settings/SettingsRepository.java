package io.duban.report.settings;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The {@code supervision_settings} table. */
@ApplicationScoped
public class SettingsRepository {

    @Inject
    Pool pool;

    Uni<Optional<SettingsService.Versioned>> find(SqlClient c, String region, boolean forUpdate) {
        return c.preparedQuery("SELECT max_extensions, rectify_working_days, urge_report_threshold, version"
                        + " FROM supervision_settings WHERE region = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(region)).map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new SettingsService.Versioned(new SupervisionSettings(r.getInteger("max_extensions"),
                            r.getInteger("rectify_working_days"), r.getInteger("urge_report_threshold")), r.getLong("version")));
                });
    }

    Uni<Optional<SettingsService.Versioned>> find(String region) {
        return find(pool, region, false);
    }

    Uni<Long> insert(SqlClient c, String region, SupervisionSettings s, String by) {
        return c.preparedQuery("INSERT INTO supervision_settings (region, max_extensions, rectify_working_days,"
                        + " urge_report_threshold, updated_by) VALUES ($1, $2, $3, $4, $5) RETURNING version")
                .execute(Tuple.of(region, s.maxExtensions(), s.rectifyWorkingDays(), s.urgeReportThreshold(), by))
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    Uni<Long> update(SqlClient c, String region, SupervisionSettings s, String by) {
        return c.preparedQuery("UPDATE supervision_settings SET max_extensions = $2, rectify_working_days = $3,"
                        + " urge_report_threshold = $4, updated_by = $5, updated_at = now(), version = version + 1"
                        + " WHERE region = $1 RETURNING version")
                .execute(Tuple.of(region, s.maxExtensions(), s.rectifyWorkingDays(), s.urgeReportThreshold(), by))
                .map(rows -> rows.iterator().next().getLong("version"));
    }
}
