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

    /** Replaces NaN and infinities by silence so a bad input sample cannot poison the state. */
    static float finiteOrZero(float x) {
        return Math.abs(x) <= Float.MAX_VALUE ? x : 0f;
    }

    /** Zero for anything smaller than the smallest normal float (denormals, rounding dust). */
    static float flushDenormal(double y) {
        return Math.abs(y) < 1e-30 ? 0f : (float) y;
    }
}
