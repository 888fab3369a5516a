package io.mixai.dsp.utility;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * {@code polarity}: inverts the left (channel 0) and/or right (channel 1) channel. A switch
 * while running crossfades through zero over 20 ms instead of clicking. Channels beyond the
 * second are left alone.
 */
public final class PolarityProvider implements EffectProvider {

    public static final String TYPE = "polarity";

    /** Called by {@link java.util.ServiceLoader}. */
    public PolarityProvider() {
        // stateless
    }

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.toggle("invert_left", false),
            ParameterDescriptor.toggle("invert_right", false));

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Polarity inversion of the left and/or right channel";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new PolarityEffect(parameters);
    }
}
