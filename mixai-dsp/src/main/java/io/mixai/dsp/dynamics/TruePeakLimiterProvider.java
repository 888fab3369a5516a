package io.mixai.dsp.dynamics;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterScale;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** Provides the {@code limiter} effect: a look-ahead true-peak brickwall limiter. */
public final class TruePeakLimiterProvider implements EffectProvider {

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("ceiling_dbtp", ParameterUnit.DECIBELS_TRUE_PEAK).range(-20, 0)
                    .defaultValue(-1).description("highest true peak the output may reach").build(),
            ParameterDescriptor.builder("release_ms", ParameterUnit.MILLISECONDS).range(1, 2000).defaultValue(100)
                    .scale(ParameterScale.LOGARITHMIC)
                    .description("time constant of the gain's recovery after a peak").build(),
            ParameterDescriptor.builder("auto_release", ParameterUnit.BOOLEAN)
                    .range(0, 1).step(1).defaultValue(0)
                    .description("programme-dependent release: faster after transients, release_ms when sustained")
                    .build(),
            ParameterDescriptor.builder("lookahead_ms", ParameterUnit.MILLISECONDS).range(0.5, 20).defaultValue(5)
                    .description("attack ramp ahead of each peak; sets the latency (read at prepare)").build());

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public TruePeakLimiterProvider() {
    }

    @Override
    public String type() {
        return TruePeakLimiter.TYPE;
    }

    @Override
    public String description() {
        return "True-peak limiter: stereo-linked look-ahead brickwall with 8x oversampled peak detection";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new TruePeakLimiter(parameters);
    }
}
