package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.dynamics.CompressorProvider;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.Map;
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
 * Compressor throughput, stereo at 48 kHz, 50 % stereo link, 2 ms look-ahead. Each invocation
 * processes {@value #FRAMES} frames in blocks of {@code blockSize}, so the score is frames
 * (stereo sample pairs) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompressorBenchmark {

    static final int FRAMES = 16384;

    @Param({"64", "512", "4096"})
    int blockSize;

    @Param({"peak", "rms"})
    String detection;

    private Effect compressor;
    private float[][] source;
    private float[][] audio;
    private AudioBlock block;

    @Setup
    public void setUp() {
        CompressorProvider provider = new CompressorProvider();
        ParameterSet p = ParameterSet.of("compressor", provider.parameters(),
                Map.of("threshold_db", -20, "ratio", 4, "knee_db", 6, "attack_ms", 5, "release_ms", 80,
                        "stereo_link_percent", 50, "lookahead_ms", 2))
                .withChoice("detection", detection);
        compressor = provider.create(p);
        compressor.prepare(new ProcessSpec(48000, blockSize, 2));
        Random random = new Random(1);
        source = new float[2][FRAMES];
        audio = new float[2][FRAMES];
        for (float[] ch : source) {
            for (int i = 0; i < FRAMES; i++) {
                ch[i] = (float) (0.3 * random.nextGaussian());
            }
        }
        block = new AudioBlock(audio, 0, 0);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[][] process() {
        // Fresh input each time: processing the same buffer over and over would feed the
        // effect its own output, which drifts towards silence or overload.
        System.arraycopy(source[0], 0, audio[0], 0, FRAMES);
        System.arraycopy(source[1], 0, audio[1], 0, FRAMES);
        for (int start = 0; start < FRAMES; start += blockSize) {
            compressor.process(block.moveTo(start, blockSize));
        }
        return audio;
    }
}
