package io.mixai.benchmarks;

import io.mixai.dsp.dynamics.TruePeakLimiterProvider;
import io.mixai.process.AudioProcessor;
import java.util.Random;

/**
 * The true-peak {@code limiter} at its defaults (-1 dBTP ceiling, 5 ms look-ahead; peaks
 * estimated at 8x, then 16x in its second stage) on full-scale uniform noise, so it limits all
 * the time. Score: frames per second; / 48000 = multiple of real time (see
 * {@link EffectBenchmark}).
 */
public class LimiterBenchmark extends EffectBenchmark {

    @Override
    protected AudioProcessor createProcessor() {
        TruePeakLimiterProvider provider = new TruePeakLimiterProvider();
        return provider.create(provider.defaults());
    }

    @Override
    protected float[][] input(int channelCount, int frames) {
        return BenchmarkSignals.uniformNoise(channelCount, frames, new Random(1));
    }
}
