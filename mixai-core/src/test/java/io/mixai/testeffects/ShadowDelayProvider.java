package io.mixai.testeffects;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** A second provider claiming {@code test_delay}; its class name sorts after {@link DelayProvider}'s, so it loses. */
public class ShadowDelayProvider implements EffectProvider {

    @Override
    public String type() {
        return DelayProvider.TYPE;
    }

    @Override
    public String description() {
        return "Duplicate of test_delay";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return DelayProvider.PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new DelayProvider.DelayEffect(parameters);
    }
}
