package io.mixai.dsp.spatial;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * {@code pan}: constant-power balance of a stereo signal, the dataset's pan law:
 * {@code gL = √2·cos((pan+1)·π/4)}, {@code gR = √2·sin((pan+1)·π/4)}. At the centre both gains
 * are exactly 1 (the signal passes unchanged); at −1 the left channel is raised by 3 dB and the
 * right is silent; {@code gL² + gR² = 2} everywhere, so the summed power of a centred source is
 * constant. A mono signal has no balance and passes unchanged (pan a mono source by making it
 * stereo first); channels beyond the second are left alone.
 */
public final class PanProvider implements EffectProvider {

    public static final String TYPE = "pan";

    /** Called by {@link java.util.ServiceLoader}. */
    public PanProvider() {
        // stateless
    }

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("pan", ParameterUnit.NONE).range(-1, 1).defaultValue(0)
                    .description("-1 left, 0 centre, +1 right").build());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Constant-power stereo balance (unity at centre)";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new PanEffect(parameters);
    }
}
