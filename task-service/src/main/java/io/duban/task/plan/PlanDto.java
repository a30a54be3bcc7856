package io.duban.task.plan;

import io.duban.feed.PlanSnapshot;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.UUID;

/** A plan as the API and the change feed show it. */
public record PlanDto(UUID id, String region, String title, String docNumber, LocalDate issuedOn, int year,
        PlanKind kind, long version) {

    static final String COLUMNS = "id, region, title, doc_number, issued_on, year, kind, version";

    public static PlanDto from(Row r) {
        return new PlanDto(r.getUUID("id"), r.getString("region"), r.getString("title"), r.getString("doc_number"),
                r.getLocalDate("issued_on"), r.getInteger("year"), PlanKind.valueOf(r.getString("kind")),
                r.getLong("version"));
    }

    /** The PLAN snapshot of the change feed, mapped field by field. */
    public PlanSnapshot snapshot() {
        return new PlanSnapshot(id, region, title, docNumber, issuedOn, year, kind.name(), version);
    }
}
