package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.filter.ParametricEqProvider;
import io.mixai.param.ParameterSet;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Parametric EQ throughput, stereo at 48 kHz with six active bands (a 24 dB/oct low cut, two
 * shelves, two bells, a 12 dB/oct high cut: eight second-order sections). Each invocation
 * processes {@value #FRAMES} frames in blocks of {@code blockSize}, so the score is frames
 * (stereo sample pairs) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EqBenchmark {

    static final int FRAMES = 16384;
    private static final List<String> TYPES = List.of("off", "low_cut", "high_cut", "low_shelf", "high_shelf", "peak");

    @Param({"64", "512", "4096"})
    int blockSize;

    @Param({"false", "true"})
    boolean linearPhase;

    private Effect eq;
    private float[][] source;
    private float[][] audio;
    private AudioBlock block;

    @Setup
    public void setUp() {
        ParametricEqProvider provider = new ParametricEqProvider();
        Map<String, Number> v = new LinkedHashMap<>();
        band(v, 1, "low_cut", 40, 0, 0.707, 24);
        band(v, 2, "low_shelf", 120, 3, 0.707, 12);
        band(v, 3, "peak", 400, -2, 1.5, 12);
        band(v, 4, "peak", 2500, 2, 3, 12);
        band(v, 5, "high_shelf", 9000, -2, 0.707, 12);
        band(v, 6, "high_cut", 18000, 0, 0.707, 12);
        v.put("linear_phase", linearPhase ? 1 : 0);
        eq = provider.create(ParameterSet.of("eq", provider.parameters(), v));
        eq.prepare(new ProcessSpec(48000, blockSize, 2));
        Random random = new Random(1);
        source = new float[2][FRAMES];
        audio = new float[2][FRAMES];
        for (float[] ch : source) {
            for (int i = 0; i < FRAMES; i++) {
                ch[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        block = new AudioBlock(audio, 0, 0);
    }

    private static void band(Map<String, Number> v, int b, String type, double hz, double gainDb, double q, int slope) {
        v.put("band" + b + "_type", TYPES.indexOf(type));
        v.put("band" + b + "_freq_hz", hz);
        v.put("band" + b + "_gain_db", gainDb);
        v.put("band" + b + "_q", q);
        v.put("band" + b + "_slope_db_oct", slope);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public float[][] process() {
        // Fresh input each time: processing the same buffer over and over would feed the
        // effect its own output, which drifts towards silence or overload.
        System.arraycopy(source[0], 0, audio[0], 0, FRAMES);
        System.arraycopy(source[1], 0, audio[1], 0, FRAMES);
        for (int start = 0; start < FRAMES; start += blockSize) {
            eq.process(block.moveTo(start, blockSize));
        }
        return audio;
    }
}
