package io.duban.report.settings;

import io.duban.common.audit.AuditTrail;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.ETags;
import io.duban.report.common.Races;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads and replaces a region's {@link SupervisionSettings} (version 0 = the defaults, nothing stored). */
@ApplicationScoped
public class SettingsService {

    /** Settings with their version. */
    public record Versioned(SupervisionSettings settings, long version) {
    }

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    SettingsRepository settings;

    public Uni<Versioned> get(String region) {
        return settings.find(region).map(s -> s.orElseGet(() -> new Versioned(SupervisionSettings.defaults(), 0)));
    }

    /** The settings in force. */
    public Uni<SupervisionSettings> of(String region) {
        return get(region).map(Versioned::settings);
    }

    /** Replaces them: If-Match once stored (428 / 412); two first PUTs at once: one wins, the other 409. */
    public Uni<Versioned> put(String region, SupervisionSettings s, String ifMatch, String by) {
        return pool.withTransaction(c -> settings.find(c, region, true).chain(current -> {
            if (current.isEmpty()) {
                if (ifMatch != null && !ifMatch.isBlank() && ETags.requireVersion(ifMatch) != 0) {
                    throw ProblemException.preconditionFailed("本区域尚未保存督办设置（当前为默认设置，版本 0）。");
                }
                return settings.insert(c, region, s, by);
            }
            ETags.check(ifMatch, current.get().version());
            return settings.update(c, region, s, by);
        }).call(v -> audit.inTransaction(c, 200))).map(v -> new Versioned(s, v))
                .onFailure(Races::lostToAConcurrentWriter)
                .transform(e -> ProblemException.conflict("督办设置已被另一请求同时保存，请重新读取后再修改。"));
    }
}
