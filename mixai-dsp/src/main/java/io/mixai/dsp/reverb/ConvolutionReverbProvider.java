package io.mixai.dsp.reverb;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * Provides the {@code convolution_reverb} effect. Parameters cannot carry audio, so effects made
 * here convolve with {@link ConvolutionReverb#defaultImpulseResponse(int) the built-in impulse
 * response}; use {@link ConvolutionReverb#withImpulseResponse} for a recorded one.
 */
public final class ConvolutionReverbProvider implements EffectProvider {

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("mix_percent", ParameterUnit.PERCENT).range(0, 100).defaultValue(25)
                    .description("wet share of the output (linear cross-fade with the dry signal)").build(),
            ParameterDescriptor.builder("predelay_ms", ParameterUnit.MILLISECONDS).range(0, 250).defaultValue(0)
                    .description("delay added before the impulse response").build(),
            ParameterDescriptor.builder("gain_db", ParameterUnit.DECIBELS).range(-24, 24).defaultValue(0)
                    .description("gain of the wet signal").build());

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ConvolutionReverbProvider() {
    }

    @Override
    public String type() {
        return ConvolutionReverb.TYPE;
    }

    @Override
    public String description() {
        return "Convolution reverb: uniformly partitioned FFT convolution with an impulse response";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return ConvolutionReverb.withDefaultImpulseResponse(parameters);
    }
}
