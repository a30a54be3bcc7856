package io.duban.bench;

import io.duban.deadlines.rule.DeadlineParser;
import io.duban.deadlines.rule.DeadlineRule;
import io.duban.deadlines.rule.PlanContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Parse throughput over the 48 时限要求 cells of the 2023 沂源县 table (blank cells filled down, as the importer does). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

    private static final PlanContext CONTEXT = new PlanContext(2023, LocalDate.of(2023, 8, 9));

    private String[] cells;

    @Setup
    public void setUp() throws IOException {
        List<String> list = new ArrayList<>();
        try (InputStream in = ParserBenchmark.class.getResourceAsStream("/yiyuan-2023-key-tasks.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            String previous = null;
            for (int i = 1; i < lines.length; i++) {
                String[] cols = lines[i].split("\t", -1);
                String cell = cols.length > 5 && !cols[5].isBlank() ? cols[5] : previous;
                list.add(cell);
                previous = cell;
            }
        }
        if (list.size() != 48) {
            throw new IllegalStateException("expected the 48 Yiyuan rows, got " + list.size());
        }
        cells = list.toArray(new String[0]);
    }

    /** Score is cells per second. */
    @Benchmark
    @OperationsPerInvocation(48)
    public void parseYiyuanCells(Blackhole bh) {
        for (String cell : cells) {
            DeadlineRule rule = DeadlineParser.parse(cell, CONTEXT);
            bh.consume(rule);
        }
    }
}
