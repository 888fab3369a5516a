package io.mixai.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Smoke pass: every JMH benchmark starts, sets up and runs one short measurement iteration, in
 * this JVM (no fork), at the smallest parameters. Timings are not checked: CI machines are
 * noisy and shared; {@code java -jar benchmarks/target/benchmarks.jar} measures.
 */
class BenchmarksSmokeTest {

    private static final String ALL = "io\\.mixai\\.benchmarks\\..*";

    @Test
    void everyBenchmarkRunsAnIteration() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ALL)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .timeUnit(TimeUnit.SECONDS)
                .param("blockSize", "512")
                .param("channels", "2")
                .param("size", "2048")
                .param("bits", "24")
                .param("linearPhase", "false", "true")
                .param("detection", "peak")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Set<String> ran = new TreeSet<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            ran.add(name);
            double score = r.getPrimaryResult().getScore();
            assertTrue(Double.isFinite(score) && score > 0, name + " " + r.getParams() + " scored " + score);
        }
        assertEquals(declaredBenchmarks(), ran, "every declared benchmark ran");
    }

    /** The benchmarks the annotation processor found in this module. */
    private static Set<String> declaredBenchmarks() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Set<String> names = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of(ALL), List.of())) {
            names.add(e.getUsername());
        }
        assertTrue(names.size() >= 16, "benchmark list found: " + names);
        return names;
    }
}
