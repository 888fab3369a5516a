package io.mixai.benchmarks;

import io.mixai.audio.AudioBlock;
import io.mixai.dsp.dynamics.TruePeakLimiterProvider;
import io.mixai.process.ProcessSpec;
import io.mixai.spi.Effect;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code limiter} effect (default parameters: -1 dBTP, 5 ms look-ahead) on full-scale stereo
 * 48 kHz noise, so it limits all the time; a score in ops/s times {@code blockSize} is frames
 * per second, over 48000 the multiple of real time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LimiterBenchmark {

    @Param({"64", "512", "4096"})
    int blockSize;

    private Effect effect;
    private float[][] source;
    private float[][] audio;
    private AudioBlock block;

    @Setup
    public void setUp() {
        TruePeakLimiterProvider provider = new TruePeakLimiterProvider();
        effect = provider.create(provider.defaults());
        effect.prepare(new ProcessSpec(48000, blockSize, 2));
        source = BenchmarkSignals.stereoNoise(blockSize, new Random(1));
        audio = new float[2][blockSize];
        block = new AudioBlock(audio, 0, blockSize);
    }

    @Benchmark
    public float[][] process() {
        // fresh input every call: processing in place must not feed its own output back
        System.arraycopy(source[0], 0, audio[0], 0, blockSize);
        System.arraycopy(source[1], 0, audio[1], 0, blockSize);
        effect.process(block);
        return audio;
    }
}
