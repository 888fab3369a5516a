package io.mixai.dsp.utility;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterScale;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** {@code dc_blocker}: a one-pole, one-zero high-pass that removes DC offset and subsonic drift. */
public final class DcBlockerProvider implements EffectProvider {

    public static final String TYPE = "dc_blocker";

    /** Called by {@link java.util.ServiceLoader}. */
    public DcBlockerProvider() {
        // stateless
    }

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("cutoff_hz", ParameterUnit.HERTZ).range(1, 40).defaultValue(10)
                    .scale(ParameterScale.LOGARITHMIC).description("Corner of the high-pass (about -3 dB)").build());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "DC blocker: one-pole high-pass at a few hertz";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new DcBlockerEffect(parameters);
    }
}
