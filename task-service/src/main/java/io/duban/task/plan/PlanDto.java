package io.duban.task.plan;

import io.duban.feed.PlanSnapshot;
import io.vertx.mutiny.sqlclient.Row;
import java.time.LocalDate;
import java.util.UUID;

/** A plan as the API and the change feed show it; {@code ledgerDueOn}: when units' 工作台账 are due (报送). */
public record PlanDto(UUID id, String region, String title, String docNumber, LocalDate issuedOn, int year,
        PlanKind kind, LocalDate ledgerDueOn, long version) {

    static final String COLUMNS = "id, region, title, doc_number, issued_on, year, kind, ledger_due_on, version";

    public static PlanDto from(Row r) {
        return new PlanDto(r.getUUID("id"), r.getString("region"), r.getString("title"), r.getString("doc_number"),
                r.getLocalDate("issued_on"), r.getInteger("year"), PlanKind.valueOf(r.getString("kind")),
                r.getLocalDate("ledger_due_on"), r.getLong("version"));
    }

    /** The PLAN snapshot of the change feed, mapped field by field. */
    public PlanSnapshot snapshot() {
        return new PlanSnapshot(id, region, title, docNumber, issuedOn, year, kind.name(), ledgerDueOn, version);
    }
}
