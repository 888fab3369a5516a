package io.mixai.testeffects;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * The rest of a provider that the registry must skip or refuse before it is ever used: no description, no
 * parameters, and {@link #create} is never reached. Subclasses supply the fault under test.
 */
public abstract class StubProvider implements EffectProvider {

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
