package io.mixai.benchmarks;

import io.mixai.dsp.spectral.RealFft;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Real FFT throughput; a score in ops/s times {@code size} is input samples per second. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FftBenchmark {

    @Param({"2048", "4096"})
    int size;

    private RealFft fft;
    private double[] input;
    private double[] spectrum;

    @Setup
    public void setUp() {
        fft = RealFft.create(size);
        input = new Random(1).doubles(size, -1, 1).toArray();
        spectrum = new double[size + 2];
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public double[] forward() {
        fft.forward(input, 0, spectrum);
        return spectrum;
    }
}
