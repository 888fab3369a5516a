package io.mixai.dsp.dynamics;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterScale;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.List;

/**
 * The {@code compressor} effect: a feed-forward compressor with peak or RMS detection, soft knee,
 * attack and release in the log domain, manual or automatic make-up, stereo link, optional
 * look-ahead and an optional external sidechain (the effect is a
 * {@link io.mixai.process.SidechainProcessor}).
 */
public final class CompressorProvider implements EffectProvider {

    public static final String TYPE = "compressor";

    /** The choices of {@code detection}, in index order. */
    static final List<String> DETECTION_CHOICES = List.of("peak", "rms");

    private static final List<ParameterDescriptor> PARAMETERS = List.of(
            ParameterDescriptor.builder("threshold_db", ParameterUnit.DECIBELS).range(-60, 0).defaultValue(-18)
                    .description("level above which the gain is reduced").build(),
            ParameterDescriptor.builder("ratio", ParameterUnit.RATIO).range(1, 40).defaultValue(4)
                    .description("input dB above threshold per output dB above threshold").build(),
            ParameterDescriptor.builder("knee_db", ParameterUnit.DECIBELS).range(0, 24).defaultValue(6)
                    .description("width of the quadratic soft knee centred on the threshold").build(),
            ParameterDescriptor.builder("attack_ms", ParameterUnit.MILLISECONDS).range(0.01, 500)
                    .scale(ParameterScale.LOGARITHMIC).defaultValue(10)
                    .description("time to reach 1 - 1/e of a step in gain reduction (dB domain)").build(),
            ParameterDescriptor.builder("release_ms", ParameterUnit.MILLISECONDS).range(1, 5000)
                    .scale(ParameterScale.LOGARITHMIC).defaultValue(150)
                    .description("time to recover 1 - 1/e of a step in gain reduction (dB domain)").build(),
            ParameterDescriptor.builder("makeup_db", ParameterUnit.DECIBELS).range(-24, 24).defaultValue(0)
                    .description("gain added after compression").build(),
            ParameterDescriptor.builder("auto_makeup", ParameterUnit.BOOLEAN).range(0, 1).step(1).defaultValue(0)
                    .description("add the gain that restores a 0 dBFS input to 0 dBFS").build(),
            ParameterDescriptor.choice("detection", DETECTION_CHOICES, "peak"),
            ParameterDescriptor.builder("stereo_link_percent", ParameterUnit.PERCENT).range(0, 100).defaultValue(100)
                    .description("0: each channel detects alone; 100: all channels share one detection").build(),
            ParameterDescriptor.builder("lookahead_ms", ParameterUnit.MILLISECONDS).range(0, 20).defaultValue(0)
                    .description("delay of the audio behind the detector; adds latency, applies at prepare").build());

    /** Needed by {@link java.util.ServiceLoader}. */
    public CompressorProvider() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Feed-forward compressor: peak/RMS detection, soft knee, stereo link, look-ahead, external sidechain";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new Compressor(parameters);
    }
}
