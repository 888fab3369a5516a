package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.analysis.SpectrumAnalyzer;
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
 * Streaming long-term spectrum analysis (1/3 octave, mid/side, per-band correlation) of stereo
 * 48 kHz noise. The analyzer's 32768-point frames hop by 16384, so each invocation of
 * {@value #FRAMES} frames (in blocks of {@code blockSize}) completes one pair of FFT frames.
 * Score: frames per second; / 48000 = multiple of real time. Stereo only: mid/side needs two
 * channels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpectrumAnalyzerBenchmark {

    static final int FRAMES = EffectBenchmark.FRAMES;

    @Param({"512", "4096"})
    public int blockSize;

    private SpectrumAnalyzer analyzer;
    private AudioBlock block;

    @Setup
    public void setUp() {
        analyzer = new SpectrumAnalyzer(48_000, 2, 3);
        block = new AudioBlock(BenchmarkSignals.programmeNoise(2, FRAMES), 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public SpectrumAnalyzer stereoThirdOctave() {
        for (int start = 0; start < FRAMES; start += blockSize) {
            analyzer.process(block.moveTo(start, Math.min(blockSize, FRAMES - start)));
        }
        return analyzer;
    }
}
