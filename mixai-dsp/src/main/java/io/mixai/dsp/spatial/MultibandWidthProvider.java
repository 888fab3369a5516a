package io.mixai.dsp.spatial;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterScale;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * The {@code multiband_width} effect: scales the side signal separately below
 * {@code low_crossover_hz}, between the crossovers and above {@code high_crossover_hz}. Only
 * the side signal is touched, so the mono sum (L + R) is unchanged whatever the settings: the
 * effect cannot hurt mono compatibility. Mono input passes through.
 */
public final class MultibandWidthProvider implements EffectProvider {

    public static final String TYPE = "multiband_width";

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("low_width_percent", ParameterUnit.PERCENT).range(0, 200).defaultValue(100)
                    .description("side level below the low crossover: 0 mono, 100 unchanged").build(),
            ParameterDescriptor.builder("mid_width_percent", ParameterUnit.PERCENT).range(0, 200).defaultValue(100)
                    .description("side level between the crossovers").build(),
            ParameterDescriptor.builder("high_width_percent", ParameterUnit.PERCENT).range(0, 200).defaultValue(100)
                    .description("side level above the high crossover").build(),
            ParameterDescriptor.builder("low_crossover_hz", ParameterUnit.HERTZ).range(40, 1000)
                    .scale(ParameterScale.LOGARITHMIC).defaultValue(150)
                    .description("low/mid split of the side signal (2nd-order Butterworth, complementary)").build(),
            ParameterDescriptor.builder("high_crossover_hz", ParameterUnit.HERTZ).range(1000, 16000)
                    .scale(ParameterScale.LOGARITHMIC).defaultValue(4000)
                    .description("mid/high split of the side signal; clamped below 0.45 x sample rate").build());

    /** Needed by {@link java.util.ServiceLoader}. */
    public MultibandWidthProvider() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Stereo width in three bands: scales the side signal per band, leaves the mid (mono sum) untouched";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new MultibandWidthEffect(parameters);
    }
}
