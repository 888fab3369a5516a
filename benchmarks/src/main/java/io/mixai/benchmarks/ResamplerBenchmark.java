package io.mixai.benchmarks;

import io.mixai.audio.resample.Resampler;
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
 * Streaming sample-rate conversion 44.1 kHz → 48 kHz of noise at -20 dBFS RMS: each invocation
 * converts {@value #FRAMES} input frames in blocks of {@code blockSize}, with a resampler that
 * keeps running (its state carries over). Score: input frames per second; / 44100 = multiple of
 * real time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResamplerBenchmark {

    static final int FRAMES = EffectBenchmark.FRAMES;

    @Param({"512", "4096"})
    public int blockSize;

    @Param({"2"})
    public int channels;

    private Resampler resampler;
    private float[][] input;
    private float[][] output;

    @Setup
    public void setUp() {
        resampler = new Resampler(44_100, 48_000, channels);
        input = BenchmarkSignals.programmeNoise(channels, FRAMES);
        output = new float[channels][resampler.maxOutputFrames(blockSize)];
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[][] stereo44100To48000() {
        for (int start = 0; start < FRAMES; start += blockSize) {
            resampler.process(input, start, Math.min(blockSize, FRAMES - start), output, 0);
        }
        return output;
    }
}
