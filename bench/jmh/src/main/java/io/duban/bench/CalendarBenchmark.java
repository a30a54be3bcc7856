package io.duban.bench;

import io.duban.deadlines.calendar.Holiday;
import io.duban.deadlines.calendar.WorkdayCalendar;
import io.duban.deadlines.calendar.YearSchedule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * addWorkdays / countWorkdays of the O(1) index against (a) a day-by-day loop over the same
 * calendar ({@code isWorkday} per day) and (b) the java.time loop most libraries use: plusDays and
 * a HashSet of holidays and make-up days. Spans: 20 working days (28 calendar days for counts) and
 * 5 years (1250 working days / 1826 calendar days). Start dates cycle through 1024 random days of
 * 2008–2020 so nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

    private static final int SHORT_WORKDAYS = 20;
    private static final int SHORT_DAYS = 28;
    private static final int LONG_WORKDAYS = 1250;
    private static final int LONG_DAYS = 1826;

    private WorkdayCalendar calendar;
    private final Set<LocalDate> off = new HashSet<>();
    private final Set<LocalDate> makeup = new HashSet<>();
    private LocalDate[] starts;
    private LocalDate[] shortEnds;
    private LocalDate[] longEnds;
    private int i;

    @Setup
    public void setUp() {
        calendar = WorkdayCalendar.bundled();
        for (YearSchedule s : WorkdayCalendar.bundledSchedules()) {
            for (Holiday h : s.holidays()) {
                off.addAll(h.offDays());
                makeup.addAll(h.makeupDays());
            }
        }
        Random random = new Random(42);
        starts = new LocalDate[1024];
        long first = LocalDate.of(2008, 1, 1).toEpochDay();
        for (int k = 0; k < starts.length; k++) {
            starts[k] = LocalDate.ofEpochDay(first + random.nextInt(13 * 365));
        }
        // Count spans are prepared here so the measurement is the count, not building the end date.
        shortEnds = new LocalDate[starts.length];
        longEnds = new LocalDate[starts.length];
        for (int k = 0; k < starts.length; k++) {
            shortEnds[k] = starts[k].plusDays(SHORT_DAYS);
            longEnds[k] = starts[k].plusDays(LONG_DAYS);
        }
    }

    private LocalDate nextStart() {
        i = (i + 1) & 1023;
        return starts[i];
    }

    // --- add 20 working days

    @Benchmark
    public LocalDate add20_index() {
        return calendar.addWorkdays(nextStart(), SHORT_WORKDAYS).date();
    }

    @Benchmark
    public LocalDate add20_naiveLoop() {
        return naiveAdd(nextStart(), SHORT_WORKDAYS);
    }

    @Benchmark
    public LocalDate add20_hashSetLoop() {
        return hashSetAdd(nextStart(), SHORT_WORKDAYS);
    }

    // --- add 5 years of working days

    @Benchmark
    public LocalDate add5y_index() {
        return calendar.addWorkdays(nextStart(), LONG_WORKDAYS).date();
    }

    @Benchmark
    public LocalDate add5y_naiveLoop() {
        return naiveAdd(nextStart(), LONG_WORKDAYS);
    }

    @Benchmark
    public LocalDate add5y_hashSetLoop() {
        return hashSetAdd(nextStart(), LONG_WORKDAYS);
    }

    // --- count over ~20 working days (28 calendar days)

    @Benchmark
    public int count20_index() {
        LocalDate s = nextStart();
        return calendar.countWorkdays(s, shortEnds[i]);
    }

    @Benchmark
    public int count20_naiveLoop() {
        LocalDate s = nextStart();
        return naiveCount(s, shortEnds[i]);
    }

    @Benchmark
    public int count20_hashSetLoop() {
        LocalDate s = nextStart();
        return hashSetCount(s, shortEnds[i]);
    }

    // --- count over 5 years

    @Benchmark
    public int count5y_index() {
        LocalDate s = nextStart();
        return calendar.countWorkdays(s, longEnds[i]);
    }

    @Benchmark
    public int count5y_naiveLoop() {
        LocalDate s = nextStart();
        return naiveCount(s, longEnds[i]);
    }

    @Benchmark
    public int count5y_hashSetLoop() {
        LocalDate s = nextStart();
        return hashSetCount(s, longEnds[i]);
    }

    // --- baselines

    private LocalDate naiveAdd(LocalDate start, int n) {
        LocalDate d = start;
        while (n > 0) {
            d = d.plusDays(1);
            if (calendar.isWorkday(d)) {
                n--;
            }
        }
        return d;
    }

    private int naiveCount(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkday(d)) {
                count++;
            }
        }
        return count;
    }

    private boolean hashSetIsWorkday(LocalDate d) {
        if (makeup.contains(d)) {
            return true;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !off.contains(d);
    }

    private LocalDate hashSetAdd(LocalDate start, int n) {
        LocalDate d = start;
        while (n > 0) {
            d = d.plusDays(1);
            if (hashSetIsWorkday(d)) {
                n--;
            }
        }
        return d;
    }

    private int hashSetCount(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (hashSetIsWorkday(d)) {
                count++;
            }
        }
        return count;
    }
}
