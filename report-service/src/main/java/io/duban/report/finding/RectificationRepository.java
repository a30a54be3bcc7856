package io.duban.report.finding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code finding_rectification} and {@code finding_verification} facts and the loop's state on {@code finding}. */
@ApplicationScoped
public class RectificationRepository {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    Uni<Optional<Finding>> finding(SqlClient c, String region, UUID id, boolean forUpdate) {
        return c.preparedQuery(FindingService.SELECT + " WHERE f.region = $1 AND f.id = $2" + (forUpdate ? " FOR UPDATE OF f" : ""))
                .execute(Tuple.of(region, id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Finding.from(rows.iterator().next())));
    }

    Uni<Rectification.Report> insertReport(SqlClient c, String region, UUID findingId, Rectification.NewReport r, String by) {
        UUID id = UUID.randomUUID();
        return c.preparedQuery("INSERT INTO finding_rectification (region, id, finding_id, note, evidence_urls, rectified_on,"
                        + " reported_by) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6, $7) RETURNING reported_at")
                .execute(Tuple.from(List.of(region, id, findingId, r.note().strip(), write(urls(r)), r.rectifiedOn(), by)))
                .map(rows -> new Rectification.Report(id, findingId, r.note().strip(), urls(r), r.rectifiedOn(), by,
                        rows.iterator().next().getOffsetDateTime("reported_at")));
    }

    Uni<Rectification.Verification> insertVerification(SqlClient c, String region, UUID findingId, UUID rectificationId,
                                                       String decision, String comment, String by) {
        UUID id = UUID.randomUUID();
        return c.preparedQuery("INSERT INTO finding_verification (region, id, finding_id, rectification_id, decision, comment,"
                        + " verified_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING verified_at")
                .execute(Tuple.from(List.of(region, id, findingId, rectificationId, decision, comment, by)))
                .map(rows -> new Rectification.Verification(id, findingId, rectificationId, decision, comment, by,
                        rows.iterator().next().getOffsetDateTime("verified_at")));
    }

    /** Moves the loop to {@code state} (the version counts the steps). */
    Uni<Void> setState(SqlClient c, String region, UUID findingId, String state) {
        return c.preparedQuery("UPDATE finding SET rectification_state = $3, rectification_version = rectification_version + 1"
                + " WHERE region = $1 AND id = $2").execute(Tuple.of(region, findingId, state)).replaceWithVoid();
    }

    Uni<Optional<UUID>> latestReport(SqlClient c, String region, UUID findingId) {
        return c.preparedQuery("SELECT id FROM finding_rectification WHERE region = $1 AND finding_id = $2"
                        + " ORDER BY reported_at DESC, id DESC LIMIT 1").execute(Tuple.of(region, findingId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id")));
    }

    Uni<List<Rectification.Report>> reports(SqlClient c, String region, UUID findingId) {
        return c.preparedQuery("SELECT id, note, evidence_urls::text AS urls, rectified_on, reported_by, reported_at"
                        + " FROM finding_rectification WHERE region = $1 AND finding_id = $2 ORDER BY reported_at, id")
                .execute(Tuple.of(region, findingId)).map(rows -> {
                    List<Rectification.Report> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Rectification.Report(r.getUUID("id"), findingId, r.getString("note"), read(r.getString("urls")),
                                r.getLocalDate("rectified_on"), r.getString("reported_by"), r.getOffsetDateTime("reported_at")));
                    }
                    return out;
                });
    }

    Uni<List<Rectification.Verification>> verifications(SqlClient c, String region, UUID findingId) {
        return c.preparedQuery("SELECT id, rectification_id, decision, comment, verified_by, verified_at"
                        + " FROM finding_verification WHERE region = $1 AND finding_id = $2 ORDER BY verified_at, id")
                .execute(Tuple.of(region, findingId)).map(rows -> {
                    List<Rectification.Verification> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Rectification.Verification(r.getUUID("id"), findingId, r.getUUID("rectification_id"),
                                r.getString("decision"), r.getString("comment"), r.getString("verified_by"),
                                r.getOffsetDateTime("verified_at")));
                    }
                    return out;
                });
    }

    Uni<Rectification.Report> report(SqlClient c, String region, UUID id) {
        return c.preparedQuery("SELECT finding_id FROM finding_rectification WHERE region = $1 AND id = $2")
                .execute(Tuple.of(region, id)).map(rows -> rows.iterator().next().getUUID("finding_id"))
                .chain(findingId -> reports(c, region, findingId))
                .map(all -> all.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow());
    }

    private static List<String> urls(Rectification.NewReport r) {
        return r.evidenceUrls() == null ? List.of() : r.evidenceUrls().stream().map(String::strip).toList();
    }

    private String write(List<String> urls) {
        try {
            return json.writeValueAsString(urls);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> read(String s) {
        try {
            return json.readValue(s, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence URLs unreadable", e);
        }
    }
}
