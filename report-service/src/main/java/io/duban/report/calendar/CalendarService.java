package io.duban.report.calendar;

import io.duban.common.audit.AuditTrail;
import io.duban.report.common.AdvisoryLock;
import io.duban.common.problem.ProblemException;
import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.deadlines.calendar.YearSchedule;
import io.duban.deadlines.calendar.YearSchedules;
import io.duban.deadlines.period.PeriodArithmetic;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The 工作日 calendar in use: the bundled schedules plus the years uploaded at run time (stored
 * in {@code calendar_year}). Every replica reloads when the stored uploads change, and the
 * {@code calendar_day} table mirrors the calendar so SQL can count working days.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);
    /** Days mirrored into calendar_day: enough for any plan the service will judge. */
    static final LocalDate FIRST_DAY = LocalDate.of(2005, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2035, 12, 31);

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    private volatile WorkdayCalendar current;
    private volatile String loadedVersion;

    void onStart(@Observes StartupEvent ev) {
        try {
            // The follower's lock, as an upload takes it: calendar_day is rebuilt by one replica at a time.
            pool.withTransaction(conn -> AdvisoryLock.OBLIGATIONS.lock(conn)
                            .chain(() -> loadUploaded(conn))
                            .chain(cal -> rebuildDays(conn, cal).replaceWith(cal)))
                    .await().atMost(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            // The service still serves the projection; calendar answers fail with 503 until this works.
            LOG.errorf(e, "working-day calendar unavailable at start");
        }
    }

    /** The calendar in use; 503 problem when it cannot be built. */
    public WorkdayCalendar calendar() {
        WorkdayCalendar c = current;
        if (c == null) {
            throw ProblemException.upstreamUnavailable("工作日历暂不可用，请稍后再试。");
        }
        return c;
    }

    public PeriodArithmetic arithmetic() {
        return new PeriodArithmetic(calendar());
    }

    /** Reloads when another replica uploaded a year since we last looked. */
    public Uni<Void> refreshIfChanged() {
        return pool.query(VERSION)
                .execute()
                .chain(rows -> {
                    String v = rows.iterator().next().getString("v");
                    if (current != null && v.equals(loadedVersion)) {
                        return Uni.createFrom().voidItem();
                    }
                    return pool.withConnection(this::loadUploaded).replaceWithVoid();
                });
    }

    /** Builds the calendar from the bundled schedules and the stored uploads and makes it current. */
    Uni<WorkdayCalendar> loadUploaded(SqlClient client) {
        return build(client).map(b -> {
            install(b.calendar(), b.version());
            return b.calendar();
        });
    }

    /** A calendar and the version of the uploads it was built from. */
    record Built(WorkdayCalendar calendar, String version) {
    }

    /** The bundled schedules with every stored upload applied (not installed). */
    Uni<Built> build(SqlClient client) {
        return client.query("SELECT schedule::text AS s FROM calendar_year ORDER BY year").execute()
                .chain(rows -> client.query(VERSION).execute().map(v -> {
                    List<YearSchedule> years = new ArrayList<>();
                    for (Row r : rows) {
                        years.add(read(r.getString("s")));
                    }
                    WorkdayCalendar cal = years.isEmpty() ? WorkdayCalendar.bundled()
                            : WorkdayCalendar.bundled().withYears(years);
                    return new Built(cal, v.iterator().next().getString("v"));
                }));
    }

    private static final String VERSION =
            "SELECT count(*)::text || '/' || coalesce(max(uploaded_at)::text, '') AS v FROM calendar_year";

    /**
     * Stores an uploaded year and, in the same transaction, rebuilds calendar_day and recomputes
     * the due dates depending on it; the new calendar is used from the commit on. Holds the
     * follower's lock so no batch is derived with the old calendar meanwhile.
     */
    public Uni<Integer> upload(YearSchedule schedule, String by) {
        int year = schedule.year();
        // The calendar before the upload is rebuilt from the stored years, not taken from memory:
        // another replica may have uploaded since this one last looked.
        Uni<Object[]> tx = pool.withTransaction(conn -> AdvisoryLock.OBLIGATIONS.lock(conn)
                .chain(() -> build(conn)).map(Built::calendar)
                .chain(before -> conn.preparedQuery("INSERT INTO calendar_year (year, schedule, uploaded_by, uploaded_at)"
                                + " VALUES ($1, $2, $3, clock_timestamp()) ON CONFLICT (year) DO UPDATE SET"
                                + " schedule = excluded.schedule, uploaded_by = excluded.uploaded_by,"
                                + " uploaded_at = excluded.uploaded_at")
                        .execute(Tuple.of(year, new io.vertx.core.json.JsonObject(write(schedule)), by))
                .chain(() -> build(conn))
                .chain(b -> rebuildDays(conn, b.calendar())
                        .chain(() -> DueDateRecomputation.run(conn, b.calendar(), year,
                                DueDateRecomputation.changedDays(before, b.calendar(), year)))
                        .call(n -> audit.inTransaction(conn, 200))
                        .map(n -> new Object[] {b, n}))));
        return tx.map(r -> {
            Built b = (Built) r[0];
            install(b.calendar(), b.version());
            return (Integer) r[1];
        });
    }

    /** When the year was uploaded, or null for a bundled (or unknown) year. */
    public Uni<OffsetDateTime> uploadedAt(int year) {
        return pool.preparedQuery("SELECT uploaded_at FROM calendar_year WHERE year = $1").execute(Tuple.of(year))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getOffsetDateTime("uploaded_at") : null);
    }

    /** Replaces calendar_day with the working days of {@code cal} (one statement). */
    Uni<Void> rebuildDays(SqlClient client, WorkdayCalendar cal) {
        int n = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1);
        LocalDate[] days = new LocalDate[n];
        Boolean[] workday = new Boolean[n];
        Integer[] seq = new Integer[n];
        int count = 0;
        LocalDate d = FIRST_DAY;
        for (int i = 0; i < n; i++, d = d.plusDays(1)) {
            boolean w = isWorkday(cal, d);
            if (w) {
                count++;
            }
            days[i] = d;
            workday[i] = w;
            seq[i] = count;
        }
        return client.query("DELETE FROM calendar_day").execute()
                .chain(() -> client.preparedQuery("INSERT INTO calendar_day (day, workday, workday_seq) "
                        + "SELECT * FROM unnest($1::date[], $2::boolean[], $3::int[])").execute(Tuple.of(days, workday, seq)))
                .replaceWithVoid();
    }

    private static boolean isWorkday(WorkdayCalendar cal, LocalDate d) {
        try {
            return cal.isWorkday(d);
        } catch (RuntimeException e) {
            // A year the calendar refuses to judge: weekends only, as the library's provisional rule.
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }
    }

    static YearSchedule read(String json) {
        return YearSchedules.fromJson(json);
    }

    static String write(YearSchedule schedule) {
        return YearSchedules.toJson(schedule);
    }

    /** Makes {@code cal} current after its transaction committed. */
    void install(WorkdayCalendar cal, String version) {
        current = cal;
        loadedVersion = version;
    }
}
