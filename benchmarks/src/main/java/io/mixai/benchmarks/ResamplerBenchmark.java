package io.mixai.benchmarks;

import io.mixai.audio.resample.Resampler;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Streaming sample-rate conversion of stereo 44.1 kHz to 48 kHz in blocks of 4096 frames; a
 * score in ops/s times {@value #BLOCK_FRAMES} is input frames per second (44100 of them are one
 * second of audio).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResamplerBenchmark {

    static final int BLOCK_FRAMES = 4096;

    private Resampler resampler;
    private float[][] input;
    private float[][] output;

    @Setup
    public void setUp() {
        resampler = new Resampler(44_100, 48_000, 2);
        Random random = new Random(1);
        input = new float[2][BLOCK_FRAMES];
        for (float[] channel : input) {
            for (int i = 0; i < BLOCK_FRAMES; i++) {
                channel[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        output = new float[2][resampler.maxOutputFrames(BLOCK_FRAMES)];
    }

    /** One block through a resampler that keeps running (its state carries over between calls). */
    @Benchmark
    @OperationsPerInvocation(1)
    public float[][] stereo44100To48000() {
        resampler.process(input, 0, BLOCK_FRAMES, output, 0);
        return output;
    }
}
