package io.mixai.dsp.spatial;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * {@code width}: mid/side stereo width. With {@code M = (L+R)/2} and {@code S = (L−R)/2}, the
 * side is scaled by {@code width_percent/100}: 0 % folds to mono, 100 % leaves the signal
 * unchanged (bit for bit), 200 % doubles the side. The mid is never touched. Mono passes
 * unchanged; channels beyond the second are left alone.
 */
public final class WidthProvider implements EffectProvider {

    public static final String TYPE = "width";

    /** Called by {@link java.util.ServiceLoader}. */
    public WidthProvider() {
        // stateless
    }

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("width_percent", ParameterUnit.PERCENT).range(0, 200).defaultValue(100)
                    .description("0 mono, 100 unchanged, 200 double side").build());

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Mid/side stereo width";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new WidthEffect(parameters);
    }
}
