package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.process.AudioProcessor;
import io.mixai.process.ProcessSpec;
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
 * The common shape of the effect benchmarks: {@value #FRAMES} frames at {@value #SAMPLE_RATE} Hz
 * per invocation, processed in place in blocks of {@code blockSize} frames of {@code channels}
 * channels, so the score is <b>frames per second</b> (one frame = one sample of every channel);
 * score / {@value #SAMPLE_RATE} is the speed as a multiple of real time on one thread.
 *
 * <p>Only {@code process()} calls, plus two array copies of fresh input, are timed; the
 * processor is prepared in {@link #setUp()}. {@code check-allocation.sh} runs these with
 * {@code -prof gc} and fails if {@code process()} allocates. More channel counts than the
 * defaults: {@code java -jar benchmarks.jar Eq -p channels=1,2,6}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class EffectBenchmark {

    /** Frames per invocation (the {@code @OperationsPerInvocation} of {@link #process()}). */
    public static final int FRAMES = 16384;
    /** The sample rate the processors are prepared for. */
    public static final int SAMPLE_RATE = 48_000;

    @Param({"64", "512", "4096"})
    public int blockSize;

    @Param({"2"})
    public int channels;

    private AudioProcessor processor;
    private float[][] source;
    private float[][] audio;
    private AudioBlock block;

    /** The processor under test, not yet prepared; {@code @Param} fields are set by now. */
    protected abstract AudioProcessor createProcessor();

    /** The input: {@code channels x frames}; by default Gaussian noise at -20 dBFS RMS. */
    protected float[][] input(int channelCount, int frames) {
        return BenchmarkSignals.programmeNoise(channelCount, frames);
    }

    @Setup
    public void setUp() {
        processor = createProcessor();
        processor.prepare(new ProcessSpec(SAMPLE_RATE, blockSize, channels));
        source = input(channels, FRAMES);
        audio = new float[channels][FRAMES];
        block = new AudioBlock(audio, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[][] process() {
        // Fresh input each time: processing the same buffer over and over would feed the
        // processor its own output, which drifts towards silence or overload.
        for (int c = 0; c < channels; c++) {
            System.arraycopy(source[c], 0, audio[c], 0, FRAMES);
        }
        for (int start = 0; start < FRAMES; start += blockSize) {
            processor.process(block.moveTo(start, Math.min(blockSize, FRAMES - start)));
        }
        return audio;
    }
}
