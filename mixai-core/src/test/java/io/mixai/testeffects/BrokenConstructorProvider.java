package io.mixai.testeffects;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** A provider whose constructor throws, as one with a missing native library would. */
public final class BrokenConstructorProvider implements EffectProvider {

    public BrokenConstructorProvider() {
        throw new IllegalStateException("constructor fails on purpose");
    }

    @Override
    public String type() {
        return "broken_constructor";
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
