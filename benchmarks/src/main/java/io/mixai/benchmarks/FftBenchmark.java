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

/**
 * Forward real FFT (JTransforms through {@link RealFft}): each invocation transforms
 * {@value #SAMPLES} input samples as {@code SAMPLES / size} frames, so the score is input samples
 * per second whatever the size. At 50 % overlap the FFTs of one channel at rate R keep up with
 * real time up to score / (2 R).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FftBenchmark {

    static final int SAMPLES = EffectBenchmark.FRAMES;

    /** Frame sizes; each must divide {@value #SAMPLES}. */
    @Param({"2048", "4096"})
    public int size;

    private RealFft fft;
    private double[] input;
    private double[] spectrum;

    @Setup
    public void setUp() {
        fft = RealFft.create(size);
        input = new Random(1).doubles(SAMPLES, -1, 1).toArray();
        spectrum = new double[size + 2];
    }

    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public double[] forward() {
        for (int start = 0; start < SAMPLES; start += size) {
            fft.forward(input, start, spectrum);
        }
        return spectrum;
    }
}
