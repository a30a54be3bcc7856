package io.duban.report.calendar;

import io.duban.deadlines.calendar.DueDate;
import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.deadlines.period.Period;
import io.duban.deadlines.period.PeriodArithmetic;
import io.duban.deadlines.period.PeriodUnit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * After a year's schedule changes, recomputes the due dates that can depend on it: RELATIVE
 * periods (FIXED and RECURRING dates do not move with holidays) that start before the year ends
 * and end in it or later, plus every provisional one. Reads them in keyset-paged chunks, computes in
 * memory, writes the changed ones back with one set-based UPDATE per chunk of rows. The derived date is
 * {@code original_due_on}; an obligation with a granted extension keeps the extension's date in force
 * ({@code due_on}): an extension is a date, not a period.
 */
final class DueDateRecomputation {

    private DueDateRecomputation() {
    }

    /** Rows read per round trip: bounded memory however many obligations a province has. */
    static final int CHUNK = 20_000;

    /**
     * @param changedDays the days whose working-day status or holiday changed with the upload; only
     *                    periods spanning one of them (or provisional ones) can move. Null: unknown, so
     *                    every period touching the year is recomputed.
     */
    static Uni<Integer> run(SqlClient client, WorkdayCalendar calendar, int year, LocalDate[] changedDays) {
        return chunk(client, new PeriodArithmetic(calendar), year, changedDays, "",
                new UUID(Long.MIN_VALUE, Long.MIN_VALUE), 0);
    }

    /** Days of {@code year} (with the adjacent December and January) judged differently by the two calendars. */
    static LocalDate[] changedDays(WorkdayCalendar before, WorkdayCalendar after, int year) {
        if (before == null) {
            return null;
        }
        List<LocalDate> changed = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year - 1, 12, 1); !d.isAfter(LocalDate.of(year + 1, 1, 31)); d = d.plusDays(1)) {
            if (before.isWorkday(d) != after.isWorkday(d) || !before.holidayName(d).equals(after.holidayName(d))) {
                changed.add(d);
            }
        }
        return changed.toArray(LocalDate[]::new);
    }

    private static Uni<Integer> chunk(SqlClient client, PeriodArithmetic arithmetic, int year, LocalDate[] changedDays,
                                      String afterRegion, UUID afterId, int changedSoFar) {
        String spans = changedDays == null ? ""
                : " AND (provisional OR EXISTS (SELECT 1 FROM unnest($6::date[]) c(day) WHERE c.day > anchor_on AND c.day <= coalesce(original_due_on, due_on)))";
        Tuple params = Tuple.of(LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1), afterRegion, afterId, CHUNK);
        if (changedDays != null) {
            params.addValue(changedDays);
        }
        return client.preparedQuery("""
                        SELECT region, id, anchor_on, period_amount, period_unit, coalesce(original_due_on, due_on) AS due_on,
                               provisional FROM obligation
                        WHERE kind = 'RELATIVE' AND period_unit <> 'HOUR' AND anchor_on IS NOT NULL
                          AND anchor_on <= $1 AND (coalesce(original_due_on, due_on) >= $2 OR provisional)
                          AND (region, id) > ($3, $4)"""
                        + spans + " ORDER BY region, id LIMIT $5")
                .execute(params)
                .chain(rows -> {
                    List<String> regions = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    List<LocalDate> dues = new ArrayList<>();
                    List<Boolean> provisional = new ArrayList<>();
                    String lastRegion = null;
                    UUID lastId = null;
                    for (Row r : rows) {
                        lastRegion = r.getString("region");
                        lastId = r.getUUID("id");
                        Period p = new Period(r.getInteger("period_amount"), PeriodUnit.valueOf(r.getString("period_unit")));
                        DueDate d = arithmetic.dueDate(r.getLocalDate("anchor_on"), p);
                        if (!d.date().equals(r.getLocalDate("due_on")) || d.provisional() != r.getBoolean("provisional")) {
                            regions.add(lastRegion);
                            ids.add(lastId);
                            dues.add(d.date());
                            provisional.add(d.provisional());
                        }
                    }
                    boolean more = rows.size() == CHUNK;
                    String nextRegion = lastRegion;
                    UUID nextId = lastId;
                    Uni<Integer> written = ids.isEmpty() ? Uni.createFrom().item(0) : client.preparedQuery("""
                                    UPDATE obligation o SET original_due_on = u.due_on, provisional = u.provisional,
                                        due_on = CASE WHEN EXISTS (SELECT 1 FROM obligation_extension e
                                                 WHERE e.region = o.region AND e.obligation_id = o.id) THEN o.due_on ELSE u.due_on END
                                    FROM unnest($1::text[], $2::uuid[], $3::date[], $4::boolean[]) u(region, id, due_on, provisional)
                                    WHERE o.region = u.region AND o.id = u.id""")
                            .execute(Tuple.of(regions.toArray(String[]::new), ids.toArray(UUID[]::new),
                                    dues.toArray(LocalDate[]::new), provisional.toArray(Boolean[]::new)))
                            .map(r -> r.rowCount());
                    return written.chain(n -> more
                            ? chunk(client, arithmetic, year, changedDays, nextRegion, nextId, changedSoFar + n)
                            : Uni.createFrom().item(changedSoFar + n));
                });
    }
}
