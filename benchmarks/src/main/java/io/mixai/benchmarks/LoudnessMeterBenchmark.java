package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.analysis.LoudnessMeter;
import io.mixai.dsp.analysis.TruePeakMeter;
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
 * EBU R 128 metering throughput on stereo noise in blocks of {@code blockFrames}: the full meter
 * (K-weighting, momentary/short-term/integrated/LRA, true peak, sample peak) and the true-peak
 * meter alone. A score in ops/s times {@code blockFrames / sampleRate} is the speed in multiples
 * of real time (e.g. 100 000 ops/s x 4096 / 44100 = 9288x).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LoudnessMeterBenchmark {

    @Param({"44100"})
    int sampleRate;

    @Param({"4096"})
    int blockFrames;

    private static final int BLOCKS = 64;

    private LoudnessMeter meter;
    private TruePeakMeter truePeak;
    private AudioBlock block;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(1);
        float[][] audio = new float[2][BLOCKS * blockFrames];
        for (float[] channel : audio) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        meter = new LoudnessMeter(sampleRate, 2);
        truePeak = new TruePeakMeter(sampleRate, 2);
        block = new AudioBlock(audio, 0, blockFrames);
    }

    private AudioBlock nextBlock() {
        next = (next + 1) % BLOCKS;
        return block.moveTo(next * blockFrames, blockFrames);
    }

    /** The whole meter, with true peak: one block per operation. */
    @Benchmark
    @OperationsPerInvocation(1)
    public LoudnessMeter loudnessWithTruePeak() {
        meter.process(nextBlock());
        return meter;
    }

    /** The true-peak meter alone (4x polyphase interpolation): one block per operation. */
    @Benchmark
    @OperationsPerInvocation(1)
    public TruePeakMeter truePeakOnly() {
        truePeak.process(nextBlock());
        return truePeak;
    }
}
