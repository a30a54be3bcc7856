package io.duban.deadlines.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The China 工作日 calendar: Monday–Friday minus statutory holidays plus 调休 make-up days, from
 * the published schedules it holds. Immutable and thread-safe.
 *
 * <p>Days are indexed by date, not by the file they come from: a year's schedule may name days of
 * the previous December (元旦 2023 starts on 2022-12-31), and those days take the schedule's
 * status. Where two schedules name the same date, the later year (the newer notice) wins.
 *
 * <p>Speed: over the covered range the calendar keeps a cumulative working-day count per epoch day
 * and the date of every working day, so {@link #addWorkdays} and {@link #countWorkdays} are O(1) for
 * any span. Outside it (and in uncovered years inside it) the weekends-only rule applies, computed
 * arithmetically; results that depend on an uncovered year are flagged {@code provisional}.
 */
public final class WorkdayCalendar {

    /** The index file listing the bundled year resources, one file name a line. */
    static final String BUNDLED_INDEX = "/io/duban/deadlines/calendar/index.txt";

    private static final byte WEEKDAY = 0;
    private static final byte WEEKEND = 1;
    private static final byte HOLIDAY_OFF = 2;
    private static final byte MAKEUP = 3;

    private final SortedMap<Integer, YearSchedule> schedules;
    /** Epoch day of the first indexed day; the index covers [lo, lo + len). */
    private final long lo;
    private final int len;
    /** cum[i] = working days in [lo, lo + i). */
    private final int[] cum;
    /** The k-th working day of the indexed range, and the same as an exact DueDate (no allocation per call). */
    private final LocalDate[] workdays;
    private final DueDate[] exactDueDates;
    private final byte[] kinds;
    private final String[] names;
    private final int minYear;
    private final int maxYear;
    /** coveredPrefix[i] = covered years in [minYear, minYear + i). */
    private final int[] coveredPrefix;
    /**
     * Fast path for the usual calendar without gap years: days in [coveredFrom, coveredTo] (epoch
     * days, Jan 1 of the first year to Dec 31 of the last) and working-day indexes in
     * [coveredFromK, coveredToK) are covered; -1/-2 when the calendar has gaps or no years.
     */
    private final long coveredFrom;
    private final long coveredTo;
    private final long coveredFromK;
    private final long coveredToK;
    /** Epoch day of the 1st of each month from January of {@code tableYear} on: a cheaper toEpochDay. */
    private final int tableYear;
    private final int[] monthStarts;

    private WorkdayCalendar(SortedMap<Integer, YearSchedule> schedules) {
        this.schedules = Collections.unmodifiableSortedMap(new TreeMap<>(schedules));
        if (schedules.isEmpty()) {
            lo = 0;
            len = 0;
            cum = new int[] {0};
            workdays = new LocalDate[0];
            exactDueDates = new DueDate[0];
            kinds = new byte[0];
            names = new String[0];
            minYear = 0;
            maxYear = -1;
            coveredPrefix = new int[] {0};
            coveredFrom = 0;
            coveredTo = -1;
            coveredFromK = 0;
            coveredToK = -1;
            tableYear = 0;
            monthStarts = new int[0];
            return;
        }
        minYear = schedules.firstKey();
        maxYear = schedules.lastKey();
        coveredPrefix = new int[maxYear - minYear + 2];
        for (int y = minYear; y <= maxYear; y++) {
            coveredPrefix[y - minYear + 1] = coveredPrefix[y - minYear] + (schedules.containsKey(y) ? 1 : 0);
        }
        long first = LocalDate.of(minYear, 1, 1).toEpochDay();
        long last = LocalDate.of(maxYear, 12, 31).toEpochDay();
        for (YearSchedule s : schedules.values()) {
            for (Holiday h : s.holidays()) {
                for (LocalDate d : h.offDays()) {
                    first = Math.min(first, d.toEpochDay());
                    last = Math.max(last, d.toEpochDay());
                }
                for (LocalDate d : h.makeupDays()) {
                    first = Math.min(first, d.toEpochDay());
                    last = Math.max(last, d.toEpochDay());
                }
            }
        }
        lo = first;
        len = Math.toIntExact(last - first + 1);
        kinds = new byte[len];
        names = new String[len];
        for (int i = 0; i < len; i++) {
            kinds[i] = isWeekend(lo + i) ? WEEKEND : WEEKDAY;
        }
        // Ascending years: a newer notice overrides what an older one said about the same date.
        for (YearSchedule s : schedules.values()) {
            for (Holiday h : s.holidays()) {
                for (LocalDate d : h.offDays()) {
                    int i = (int) (d.toEpochDay() - lo);
                    kinds[i] = HOLIDAY_OFF;
                    names[i] = h.name();
                }
                for (LocalDate d : h.makeupDays()) {
                    int i = (int) (d.toEpochDay() - lo);
                    kinds[i] = MAKEUP;
                    names[i] = null;
                }
            }
        }
        tableYear = LocalDate.ofEpochDay(lo).getYear();
        int tableYears = LocalDate.ofEpochDay(lo + len - 1).getYear() - tableYear + 1;
        monthStarts = new int[tableYears * 12];
        for (int m = 0; m < monthStarts.length; m++) {
            monthStarts[m] = Math.toIntExact(LocalDate.of(tableYear + m / 12, m % 12 + 1, 1).toEpochDay());
        }
        cum = new int[len + 1];
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < len; i++) {
            boolean work = kinds[i] == WEEKDAY || kinds[i] == MAKEUP;
            cum[i + 1] = cum[i] + (work ? 1 : 0);
            if (work) {
                dates.add(LocalDate.ofEpochDay(lo + i));
            }
        }
        workdays = dates.toArray(new LocalDate[0]);
        boolean contiguous = schedules.size() == maxYear - minYear + 1;
        coveredFrom = contiguous ? LocalDate.of(minYear, 1, 1).toEpochDay() : 0;
        coveredTo = contiguous ? LocalDate.of(maxYear, 12, 31).toEpochDay() : -1;
        coveredFromK = contiguous ? cumulative(coveredFrom) : 0;
        coveredToK = contiguous ? cumulative(coveredTo + 1) : -1;
        exactDueDates = new DueDate[workdays.length];
        for (int k = 0; k < workdays.length; k++) {
            exactDueDates[k] = DueDate.exact(workdays[k]);
        }
    }

    /** The bundled schedules, 2007–2026. */
    public static WorkdayCalendar bundled() {
        return Bundled.INSTANCE;
    }

    /** The bundled schedules themselves, by year (e.g. to show their notices). */
    public static List<YearSchedule> bundledSchedules() {
        return Bundled.SCHEDULES;
    }

    /**
     * A calendar of exactly these years; a later element replaces an earlier one of the same year.
     *
     * @throws IllegalArgumentException when a schedule fails {@link YearScheduleValidator} (validate
     *         uploads first to report every problem to the user)
     */
    public static WorkdayCalendar of(Collection<YearSchedule> years) {
        return new WorkdayCalendar(add(new TreeMap<>(), years));
    }

    /**
     * This calendar with the given years added or replaced wholesale (e.g. an uploaded 2027 notice).
     *
     * @throws IllegalArgumentException when a schedule fails {@link YearScheduleValidator}
     */
    public WorkdayCalendar withYears(Collection<YearSchedule> years) {
        return new WorkdayCalendar(add(new TreeMap<>(schedules), years));
    }

    private static SortedMap<Integer, YearSchedule> add(SortedMap<Integer, YearSchedule> map, Collection<YearSchedule> years) {
        for (YearSchedule y : years) {
            List<ScheduleProblem> problems = YearScheduleValidator.validate(y);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid schedule " + (y == null ? null : y.year()) + ": " + problems);
            }
            map.put(y.year(), y);
        }
        return map;
    }

    public boolean isWorkday(LocalDate date) {
        long e = epochDay(date);
        long i = e - lo;
        if (i >= 0 && i < len) {
            byte k = kinds[(int) i];
            return k == WEEKDAY || k == MAKEUP;
        }
        return !isWeekend(e);
    }

    /** The statutory holiday a day off belongs to (国庆节…), if any; empty for ordinary days and make-up days. */
    public Optional<String> holidayName(LocalDate date) {
        long i = date.toEpochDay() - lo;
        if (i >= 0 && i < len) {
            return Optional.ofNullable(names[(int) i]);
        }
        return Optional.empty();
    }

    /** True when the day is a day off of a named statutory holiday (not an ordinary weekend). */
    public boolean isStatutoryHoliday(LocalDate date) {
        long i = date.toEpochDay() - lo;
        return i >= 0 && i < len && kinds[(int) i] == HOLIDAY_OFF;
    }

    /** True for a Saturday or Sunday that is a working day (调休). */
    public boolean isMakeupWorkday(LocalDate date) {
        long i = date.toEpochDay() - lo;
        return i >= 0 && i < len && kinds[(int) i] == MAKEUP;
    }

    /**
     * The n-th working day after {@code start} (start not counted: n = 1 is the first working day
     * after it); negative n counts backwards (n = -1 is the last working day before it); n = 0 is
     * {@code start} itself. Provisional when any year from start to result has no schedule.
     */
    public DueDate addWorkdays(LocalDate start, int n) {
        long e = epochDay(start);
        LocalDate result;
        if (n > 0 || n < 0) {
            long k = n > 0 ? cumulative(e + 1) + n - 1 : cumulative(e) + n;
            if (e >= coveredFrom && e <= coveredTo && k >= coveredFromK && k < coveredToK) {
                // Start and result inside a gap-free covered range: exact, no year arithmetic.
                return exactDueDates[(int) k];
            }
            if (k >= 0 && k < workdays.length) {
                // Inside the indexed range: covered unless start or result is in a gap year.
                DueDate cached = exactDueDates[(int) k];
                int a = Math.min(start.getYear(), cached.date().getYear());
                int b = Math.max(start.getYear(), cached.date().getYear());
                if (allCovered(a, b)) {
                    return cached;
                }
            }
            result = workdayAt(k);
        } else {
            result = start;
        }
        int y1 = start.getYear();
        int y2 = result.getYear();
        return n >= 0 ? dueDate(result, y1, y2) : dueDate(result, y2, y1);
    }

    /**
     * Working days between the two dates, both inclusive, in either order (count(d, d) is 1 when d is
     * a working day). Uncovered years count weekends only; use {@link #coverage} to know.
     *
     * @throws ArithmeticException for spans beyond ±5 million years
     */
    public int countWorkdays(LocalDate from, LocalDate to) {
        long a = epochDay(from);
        long b = epochDay(to);
        if (a > b) {
            long t = a;
            a = b;
            b = t;
        }
        return Math.toIntExact(cumulative(b + 1) - cumulative(a));
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkday(LocalDate date) {
        return workdayAt(cumulative(date.toEpochDay() + 1));
    }

    /** The last working day strictly before {@code date}. */
    public LocalDate previousWorkday(LocalDate date) {
        return workdayAt(cumulative(date.toEpochDay()) - 1);
    }

    /** Whether every year touched by [from, to] (either order) has a published schedule here. */
    public CalendarCoverage coverage(LocalDate from, LocalDate to) {
        int a = Math.min(from.getYear(), to.getYear());
        int b = Math.max(from.getYear(), to.getYear());
        SortedSet<Integer> missing = uncoveredYears(a, b);
        return new CalendarCoverage(missing.isEmpty(), missing);
    }

    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(schedules.keySet()));
    }

    public Optional<YearSchedule> schedule(int year) {
        return Optional.ofNullable(schedules.get(year));
    }

    /** The schedules this calendar holds, by year. */
    public List<YearSchedule> schedules() {
        return List.copyOf(schedules.values());
    }

    // --- index arithmetic -------------------------------------------------------------------

    /** {@link LocalDate#toEpochDay()} by table lookup inside the indexed years (the hot path). */
    private long epochDay(LocalDate date) {
        long m = (long) (date.getYear() - tableYear) * 12 + date.getMonthValue() - 1;
        if (m >= 0 && m < monthStarts.length) {
            return monthStarts[(int) m] + date.getDayOfMonth() - 1;
        }
        return date.toEpochDay();
    }

    /** Working days in [lo, e) — negative before lo; weekends-only outside the indexed range. */
    private long cumulative(long e) {
        long i = e - lo;
        if (i < 0) {
            return weekdaysBefore(e) - weekdaysBefore(lo);
        }
        if (i <= len) {
            return cum[(int) i];
        }
        return cum[len] + weekdaysBefore(e) - weekdaysBefore(lo + len);
    }

    /** The working day whose {@link #cumulative} value is k. */
    private LocalDate workdayAt(long k) {
        if (k >= 0 && k < workdays.length) {
            return workdays[(int) k];
        }
        if (k >= workdays.length) {
            return LocalDate.ofEpochDay(weekdayAt(weekdaysBefore(lo + len) + k - workdays.length));
        }
        return LocalDate.ofEpochDay(weekdayAt(weekdaysBefore(lo) + k));
    }

    /** Monday–Friday days in [1969-12-29, e) (negative before): 1969-12-29, epoch day -3, is a Monday. */
    static long weekdaysBefore(long e) {
        long y = e + 3;
        return 5 * Math.floorDiv(y, 7) + Math.min(Math.floorMod(y, 7), 5);
    }

    /** The weekday e with weekdaysBefore(e) == c. */
    static long weekdayAt(long c) {
        return 7 * Math.floorDiv(c, 5) + Math.floorMod(c, 5) - 3;
    }

    private static boolean isWeekend(long epochDay) {
        return Math.floorMod(epochDay + 3, 7) >= 5;
    }

    private DueDate dueDate(LocalDate date, int fromYear, int toYear) {
        if (allCovered(fromYear, toYear)) {
            return DueDate.exact(date);
        }
        return new DueDate(date, true, uncoveredYears(fromYear, toYear));
    }

    private boolean allCovered(int a, int b) {
        return a >= minYear && b <= maxYear
                && coveredPrefix[b - minYear + 1] - coveredPrefix[a - minYear] == b - a + 1;
    }

    private SortedSet<Integer> uncoveredYears(int a, int b) {
        SortedSet<Integer> missing = new TreeSet<>();
        if (allCovered(a, b)) {
            return missing;
        }
        // An absurd span (year 1 to 9999) lists at most this many years; the flag is what matters.
        int limit = 1000;
        for (long y = a; y <= b && missing.size() < limit; y++) {
            if (!schedules.containsKey((int) y)) {
                missing.add((int) y);
            }
        }
        return missing;
    }

    /** Lazily loaded bundled data: read once, shared by every caller. */
    private static final class Bundled {
        static final List<YearSchedule> SCHEDULES = load();
        static final WorkdayCalendar INSTANCE = of(SCHEDULES);

        private static List<YearSchedule> load() {
            List<YearSchedule> list = new ArrayList<>();
            for (String file : read(BUNDLED_INDEX).split("\n")) {
                String name = file.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    list.add(YearSchedules.fromJson(read("/io/duban/deadlines/calendar/" + name)));
                }
            }
            return List.copyOf(list);
        }

        private static String read(String resource) {
            try (InputStream in = WorkdayCalendar.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled calendar resource " + resource);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
