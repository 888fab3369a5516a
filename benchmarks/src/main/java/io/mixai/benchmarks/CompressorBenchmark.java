package io.mixai.benchmarks;

import io.mixai.dsp.dynamics.CompressorProvider;
import io.mixai.param.ParameterSet;
import io.mixai.process.AudioProcessor;
import java.util.Map;
import java.util.Random;
import org.openjdk.jmh.annotations.Param;

/**
 * The {@code compressor} (threshold -20 dB, 4:1, 6 dB knee, 2 ms look-ahead) with peak and RMS
 * detection, fully linked (the default) and 50 % linked, on noise at -10 dBFS RMS so that it
 * compresses all the time.
 * Score: frames per second; / 48000 = multiple of real time (see {@link EffectBenchmark}).
 */
public class CompressorBenchmark extends EffectBenchmark {

    @Param({"peak", "rms"})
    public String detection;

    /** {@code stereo_link_percent}: 100 (the default) shares one gain; 50 detects per channel too. */
    @Param({"100", "50"})
    public int linkPercent;

    @Override
    protected AudioProcessor createProcessor() {
        CompressorProvider provider = new CompressorProvider();
        return provider.create(ParameterSet.of("compressor", provider.parameters(), settings())
                .withChoice("detection", detection).with("stereo_link_percent", linkPercent));
    }

    /** The setting shared with {@link MasteringChainBenchmark}. */
    static Map<String, Number> settings() {
        return Map.of("threshold_db", -20, "ratio", 4, "knee_db", 6, "attack_ms", 5, "release_ms", 80,
                "stereo_link_percent", 50, "lookahead_ms", 2);
    }

    @Override
    protected float[][] input(int channelCount, int frames) {
        return BenchmarkSignals.gaussianNoise(channelCount, frames, 0.3, new Random(1));
    }
}
