package io.mixai.dsp.filter;

import io.mixai.param.ParameterDescriptor;
import io.mixai.param.ParameterScale;
import io.mixai.param.ParameterSet;
import io.mixai.param.ParameterUnit;
import io.mixai.spi.Effect;
import io.mixai.spi.EffectProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code eq} effect: a parametric EQ of up to {@value #BANDS} bands (chain several for
 * more), each off, a Butterworth low or high cut of 12 to 48 dB/octave, an RBJ low or high
 * shelf, or an RBJ peaking bell; optionally linear phase.
 *
 * <p>Parameters, for N = 1..8: {@code bandN_type} (off, low_cut, high_cut, low_shelf,
 * high_shelf, peak), {@code bandN_freq_hz} (10..24000, clamped to 0.49 × the sample rate when
 * designing), {@code bandN_gain_db} (shelves and peaks), {@code bandN_q} (shelves and peaks; the
 * cuts are Butterworth and ignore it), {@code bandN_slope_db_oct} (cuts: 12, 24, 36 or 48), and
 * {@code linear_phase}.
 */
public final class ParametricEqProvider implements EffectProvider {

    public static final String TYPE = "eq";
    public static final int BANDS = 8;

    private static final double[] DEFAULT_FREQUENCIES = {30, 80, 200, 500, 1000, 2500, 6000, 12000};
    private static final List<ParameterDescriptor> PARAMETERS = declare();

    private static List<ParameterDescriptor> declare() {
        List<ParameterDescriptor> list = new ArrayList<>();
        for (int b = 1; b <= BANDS; b++) {
            String p = "band" + b + "_";
            list.add(ParameterDescriptor.builder(p + "type", ParameterUnit.CHOICE).range(0, EqBandType.CHOICES.size() - 1)
                    .step(1).choices(EqBandType.CHOICES).defaultValue(0)
                    .description("band " + b + " filter type").build());
            list.add(ParameterDescriptor.builder(p + "freq_hz", ParameterUnit.HERTZ).range(10, 24000)
                    .scale(ParameterScale.LOGARITHMIC).defaultValue(DEFAULT_FREQUENCIES[b - 1])
                    .description("band " + b + " centre, corner or cutoff frequency; clamped below 0.49 x sample rate")
                    .build());
            list.add(ParameterDescriptor.builder(p + "gain_db", ParameterUnit.DECIBELS).range(-24, 24).defaultValue(0)
                    .description("band " + b + " gain (shelves and peaks)").build());
            list.add(ParameterDescriptor.builder(p + "q", ParameterUnit.NONE).range(0.1, 40)
                    .scale(ParameterScale.LOGARITHMIC).defaultValue(0.707)
                    .description("band " + b + " Q (shelves and peaks, RBJ cookbook definition)").build());
            // dB per octave has no ParameterUnit of its own; the id carries the unit.
            list.add(ParameterDescriptor.builder(p + "slope_db_oct", ParameterUnit.DECIBELS_PER_OCTAVE).range(12, 48).step(12)
                    .defaultValue(12).description("band " + b + " cut slope in dB/octave (Butterworth order 2..8)")
                    .build());
        }
        list.add(ParameterDescriptor.builder("linear_phase", ParameterUnit.BOOLEAN).range(0, 1).step(1).defaultValue(0)
                .description("linear-phase FIR instead of minimum-phase filters; adds latency, applies at prepare")
                .build());
        return Collections.unmodifiableList(list);
    }

    /** Needed by {@link java.util.ServiceLoader}. */
    public ParametricEqProvider() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Parametric EQ: 8 bands of Butterworth cuts (12-48 dB/oct), RBJ shelves and bells; optional linear phase";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return PARAMETERS;
    }

    @Override
    public Effect create(ParameterSet parameters) {
        return new ParametricEq(parameters);
    }
}
