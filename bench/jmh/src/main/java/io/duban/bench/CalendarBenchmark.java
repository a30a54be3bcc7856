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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * addWorkdays / countWorkdays of the O(1) index against (a) a day-by-day loop over the same
 * calendar ({@code isWorkday} per day) and (b) the java.time loop most libraries use: plusDays and
 * a HashSet of holidays and make-up days. Spans: 20 working days (28 calendar days for counts) and
 * 5 years (1250 working days / 1826 calendar days). Start dates are 1024 random days of 2008–2020
 * so nothing is constant-folded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

    private static final int N = 1024;
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
        starts = new LocalDate[N];
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

    // Each invocation runs the operation for all 1024 prepared starts (@OperationsPerInvocation), so the
    // score is operations per second with JMH's per-call overhead amortised, the same for every variant.
    // Results are folded into a checksum (a field read per result) so none can be optimised away.

    // --- add 20 working days

    @Benchmark
    @OperationsPerInvocation(N)
    public int add20_index() {
        int sum = 0;
        for (LocalDate s : starts) {
            sum += calendar.addWorkdays(s, SHORT_WORKDAYS).date().getDayOfMonth();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int add20_naiveLoop() {
        int sum = 0;
        for (LocalDate s : starts) {
            sum += naiveAdd(s, SHORT_WORKDAYS).getDayOfMonth();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int add20_hashSetLoop() {
        int sum = 0;
        for (LocalDate s : starts) {
            sum += hashSetAdd(s, SHORT_WORKDAYS).getDayOfMonth();
        }
        return sum;
    }

    // --- add 5 years of working days

    @Benchmark
    @OperationsPerInvocation(N)
    public int add5y_index() {
        int sum = 0;
        for (LocalDate s : starts) {
            sum += calendar.addWorkdays(s, LONG_WORKDAYS).date().getDayOfMonth();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int add5y_naiveLoop() {
        int sum = 0;
        for (LocalDate s : starts) {
            sum += naiveAdd(s, LONG_WORKDAYS).getDayOfMonth();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int add5y_hashSetLoop() {
        int sum = 0;
        for (LocalDate s : starts) {
            sum += hashSetAdd(s, LONG_WORKDAYS).getDayOfMonth();
        }
        return sum;
    }

    // --- count over ~20 working days (28 calendar days)

    @Benchmark
    @OperationsPerInvocation(N)
    public int count20_index() {
        int sum = 0;
        for (int k = 0; k < N; k++) {
            sum += calendar.countWorkdays(starts[k], shortEnds[k]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int count20_naiveLoop() {
        int sum = 0;
        for (int k = 0; k < N; k++) {
            sum += naiveCount(starts[k], shortEnds[k]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int count20_hashSetLoop() {
        int sum = 0;
        for (int k = 0; k < N; k++) {
            sum += hashSetCount(starts[k], shortEnds[k]);
        }
        return sum;
    }

    // --- count over 5 years

    @Benchmark
    @OperationsPerInvocation(N)
    public int count5y_index() {
        int sum = 0;
        for (int k = 0; k < N; k++) {
            sum += calendar.countWorkdays(starts[k], longEnds[k]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int count5y_naiveLoop() {
        int sum = 0;
        for (int k = 0; k < N; k++) {
            sum += naiveCount(starts[k], longEnds[k]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public int count5y_hashSetLoop() {
        int sum = 0;
        for (int k = 0; k < N; k++) {
            sum += hashSetCount(starts[k], longEnds[k]);
        }
        return sum;
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
