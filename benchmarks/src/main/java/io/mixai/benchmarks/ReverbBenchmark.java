package io.mixai.benchmarks;

import io.mixai.dsp.reverb.ReverbProvider;
import io.mixai.process.AudioProcessor;

/**
 * The algorithmic {@code reverb} (16-line feedback delay network, default parameters) on noise at
 * -20 dBFS RMS. Score: frames per second; / 48000 = multiple of real time (see
 * {@link EffectBenchmark}).
 */
public class ReverbBenchmark extends EffectBenchmark {

    @Override
    protected AudioProcessor createProcessor() {
        ReverbProvider provider = new ReverbProvider();
        return provider.create(provider.defaults());
    }
}
