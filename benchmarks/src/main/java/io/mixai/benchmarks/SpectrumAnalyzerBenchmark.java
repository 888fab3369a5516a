package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.analysis.SpectrumAnalyzer;
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
 * Streaming long-term spectrum analysis (1/3 octave, mid/side, per-band correlation) of stereo
 * 48 kHz audio in blocks of 4096 frames; a score in ops/s times {@value #BLOCK_FRAMES} is stereo
 * frames per second (48000 of them are one second of audio). The analyzer's 32768-point frames
 * hop by 16384, so one frame pair of FFTs falls due every fourth block.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpectrumAnalyzerBenchmark {

    static final int BLOCK_FRAMES = 4096;
    private static final int BLOCKS = 16;

    private SpectrumAnalyzer analyzer;
    private AudioBlock block;
    private int next;

    @Setup
    public void setUp() {
        analyzer = new SpectrumAnalyzer(48_000, 2, 3);
        Random random = new Random(1);
        float[][] input = new float[2][BLOCK_FRAMES * BLOCKS];
        for (float[] channel : input) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        block = new AudioBlock(input, 0, BLOCK_FRAMES);
    }

    /** One block into an analysis that keeps running (cycling through 16 blocks of noise). */
    @Benchmark
    @OperationsPerInvocation(1)
    public SpectrumAnalyzer stereoThirdOctaveBlock4096() {
        analyzer.process(block.moveTo(next * BLOCK_FRAMES, BLOCK_FRAMES));
        next = (next + 1) % BLOCKS;
        return analyzer;
    }
}
