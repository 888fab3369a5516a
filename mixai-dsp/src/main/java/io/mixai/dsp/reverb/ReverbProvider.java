package io.mixai.dsp.reverb;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterScale;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/** Provides the {@code reverb} effect: a 16-line feedback delay network reverb. */
public final class ReverbProvider implements EffectProvider {

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("decay_s", ParameterUnit.SECONDS).range(0.1, 20).defaultValue(1.5)
                    .scale(ParameterScale.LOGARITHMIC)
                    .description("reverberation time RT60 at low and mid frequencies").build(),
            ParameterDescriptor.builder("predelay_ms", ParameterUnit.MILLISECONDS).range(0, 250).defaultValue(10)
                    .description("delay before the reverberation starts").build(),
            ParameterDescriptor.builder("damping_percent", ParameterUnit.PERCENT).range(0, 100).defaultValue(40)
                    .description("how much faster high frequencies decay (100: RT60 at Nyquist is a tenth)")
                    .build(),
            ParameterDescriptor.builder("size_percent", ParameterUnit.PERCENT).range(0, 100).defaultValue(50)
                    .description("room size: scales every delay length (25 % to 100 % of the largest)").build(),
            ParameterDescriptor.builder("width_percent", ParameterUnit.PERCENT).range(0, 100).defaultValue(100)
                    .description("stereo width of the reverberation (0: mono)").build(),
            ParameterDescriptor.builder("mix_percent", ParameterUnit.PERCENT).range(0, 100).defaultValue(25)
                    .description("wet share of the output (linear cross-fade with the dry signal)").build());

    /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
    public ReverbProvider() {
    }

    @Override
    public String type() {
        return FdnReverb.TYPE;
    }

    @Override
    public String description() {
        return "Algorithmic reverb: 16-line feedback delay network with RT60-designed absorption";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new FdnReverb(parameters);
    }
}
