package io.mixai.dsp.utility;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** {@code gain}: a level change in dB on every channel, ramped over 20 ms when it changes. */
public final class GainProvider implements EffectProvider {

    public static final String TYPE = "gain";

    /** Called by {@link java.util.ServiceLoader}. */
    public GainProvider() {
        // stateless
    }

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("gain_db", ParameterUnit.DECIBELS).range(-100, 40).defaultValue(0)
                    .description("Level change; +6.02 dB doubles the amplitude").build());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Gain in dB, ramped per sample when it changes";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new GainEffect(parameters);
    }
}
