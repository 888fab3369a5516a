package io.mixai.testeffects;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** A provider that loads but declares an id that is not lower_snake_case. */
public final class InvalidTypeProvider implements EffectProvider {

    @Override
    public String type() {
        return "Not-A-Valid-Id";
    }

    @Override
    public String description() {
        return "";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return List.of();
    }

    @Override
    public Effect create(ParameterSet parameters) {
        throw new UnsupportedOperationException();
    }
}
