package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.dsp.analysis.TruePeakMeter;
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
 * EBU R 128 metering of noise at -20 dBFS RMS, 44.1 kHz: the full meter (K-weighting,
 * momentary/short-term/integrated/LRA, true peak, sample peak) and the true-peak meter alone.
 * Each invocation meters {@value #FRAMES} frames in blocks of {@code blockSize}; the meters keep
 * running across invocations. Score: frames per second; / 44100 = multiple of real time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoudnessMeterBenchmark {

    static final int FRAMES = EffectBenchmark.FRAMES;
    static final int SAMPLE_RATE = 44_100;

    @Param({"512", "4096"})
    public int blockSize;

    @Param({"2"})
    public int channels;

    private LoudnessMeter meter;
    private TruePeakMeter truePeak;
    private AudioBlock block;

    @Setup
    public void setUp() {
        meter = new LoudnessMeter(SAMPLE_RATE, channels);
        truePeak = new TruePeakMeter(SAMPLE_RATE, channels);
        block = new AudioBlock(BenchmarkSignals.programmeNoise(channels, FRAMES), 0, 0);
    }

    /** The whole meter, with true peak. */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public LoudnessMeter loudnessWithTruePeak() {
        for (int start = 0; start < FRAMES; start += blockSize) {
            meter.process(block.moveTo(start, Math.min(blockSize, FRAMES - start)));
        }
        return meter;
    }

    /** The true-peak meter alone (4x polyphase interpolation, BS.1770-4 Annex 2). */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public TruePeakMeter truePeakOnly() {
        for (int start = 0; start < FRAMES; start += blockSize) {
            truePeak.process(block.moveTo(start, Math.min(blockSize, FRAMES - start)));
        }
        return truePeak;
    }
}
