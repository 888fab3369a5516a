package io.mixai.benchmarks;

import io.mixai.chain.EffectChain;
import io.mixai.process.AudioProcessor;
import io.mixai.spi.EffectRegistry;

/**
 * A whole mastering chain as an {@link EffectChain} built through the {@link EffectRegistry}
 * (what settings files and the CLI use): the six-band {@code eq} of {@link EqBenchmark} →
 * the {@code compressor} of {@link CompressorBenchmark} (peak detection) → the true-peak
 * {@code limiter} at its defaults, on noise at -20 dBFS RMS. Score: frames per second; / 48000 =
 * multiple of real time (see {@link EffectBenchmark}).
 */
public class MasteringChainBenchmark extends EffectBenchmark {

    @Override
    protected AudioProcessor createProcessor() {
        return EffectChain.builder(EffectRegistry.discover())
                .add("eq", EqBenchmark.sixBands(false))
                .add("compressor", CompressorBenchmark.settings())
                .add("limiter")
                .build();
    }
}
