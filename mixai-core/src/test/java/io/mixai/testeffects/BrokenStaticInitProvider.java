package io.mixai.testeffects;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterSet;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** A provider whose class fails to initialise (ExceptionInInitializerError). */
public final class BrokenStaticInitProvider implements EffectProvider {

    private static final int VALUE = fail();

    private static int fail() {
        if (Boolean.parseBoolean("true")) {
            throw new IllegalStateException("static initialiser fails on purpose");
        }
        return 0;
    }

    @Override
    public String type() {
        return "broken_static_" + VALUE;
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
