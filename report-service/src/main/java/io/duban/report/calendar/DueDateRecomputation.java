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
 * and end in it or later, plus every provisional one. Reads them in one query, computes in
 * memory, writes the changed ones back in one set-based UPDATE.
 */
final class DueDateRecomputation {

    private DueDateRecomputation() {
    }

    static Uni<Integer> run(SqlClient client, WorkdayCalendar calendar, int year) {
        PeriodArithmetic arithmetic = new PeriodArithmetic(calendar);
        return client.preparedQuery("""
                        SELECT region, id, anchor_on, period_amount, period_unit, due_on, provisional FROM obligation
                        WHERE kind = 'RELATIVE' AND period_unit <> 'HOUR' AND anchor_on IS NOT NULL
                          AND anchor_on <= $1 AND (due_on >= $2 OR provisional)""")
                .execute(Tuple.of(LocalDate.of(year, 12, 31), LocalDate.of(year, 1, 1)))
                .chain(rows -> {
                    List<String> regions = new ArrayList<>();
                    List<UUID> ids = new ArrayList<>();
                    List<LocalDate> dues = new ArrayList<>();
                    List<Boolean> provisional = new ArrayList<>();
                    for (Row r : rows) {
                        Period p = new Period(r.getInteger("period_amount"), PeriodUnit.valueOf(r.getString("period_unit")));
                        DueDate d = arithmetic.dueDate(r.getLocalDate("anchor_on"), p);
                        if (!d.date().equals(r.getLocalDate("due_on")) || d.provisional() != r.getBoolean("provisional")) {
                            regions.add(r.getString("region"));
                            ids.add(r.getUUID("id"));
                            dues.add(d.date());
                            provisional.add(d.provisional());
                        }
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return client.preparedQuery("""
                                    UPDATE obligation o SET due_on = u.due_on, provisional = u.provisional
                                    FROM unnest($1::text[], $2::uuid[], $3::date[], $4::boolean[]) u(region, id, due_on, provisional)
                                    WHERE o.region = u.region AND o.id = u.id""")
                            .execute(Tuple.of(regions.toArray(String[]::new), ids.toArray(UUID[]::new),
                                    dues.toArray(LocalDate[]::new), provisional.toArray(Boolean[]::new)))
                            .map(r -> r.rowCount());
                });
    }
}
