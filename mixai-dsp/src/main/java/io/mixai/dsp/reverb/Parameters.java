package io.mixai.dsp.reverb;

import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;
import java.util.Objects;

/** Checks that a parameter set handed to an effect belongs to that effect type. */
final class Parameters {

    private Parameters() {
    }

    static ParameterSet require(String effectType, ParameterSet parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (!effectType.equals(parameters.effectType())) {
            throw new InvalidParameterException(effectType, "(set)", "got parameters for '"
                    + parameters.effectType() + "'");
        }
        return parameters;
    }
}
