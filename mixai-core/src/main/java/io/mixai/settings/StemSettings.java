package io.mixai.settings;

import io.mixai.chain.EffectSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one stem is processed before it is summed into the mix: one entry of the dataset's
 * metadata file (see {@link MetadataJson} for the format). A null field was absent from the
 * file and means "this stage does nothing".
 *
 * <p>{@link #toEffectSpecs()} turns the settings into an effect chain in the documented order:
 * {@code polarity_invert} → {@code input_gain_db} → {@code eq.low_cut} → {@code eq.high_cut} →
 * {@code eq.bands} → {@code compression} → {@code reverb} → {@code gain_db} →
 * {@code width_percent} → {@code pan}.
 *
 * @param polarityInvert invert both channels' polarity first (mixai extension)
 * @param inputGainDb clip gain applied first
 * @param eq filters and bands
 * @param compression downward compressor
 * @param reverb reverb added to the dry signal
 * @param gainDb fader gain
 * @param widthPercent stereo width, 0 mono … 100 unchanged … 200 (mixai extension)
 * @param pan −1 left … 0 centre … +1 right, constant-power balance with unity at centre
 */
public record StemSettings(Boolean polarityInvert, Double inputGainDb, EqSettings eq, CompressionSettings compression,
        ReverbSettings reverb, Double gainDb, Double widthPercent, Double pan) {

    /** Bands one {@code eq} effect holds; more bands spill into a second instance. */
    static final int EQ_BANDS_PER_INSTANCE = 8;
    /** Q of the corpus's 2nd-order cuts (Butterworth). */
    static final double CUT_Q = Math.sqrt(0.5);

    /**
     * The effect chain these settings describe, as specs for the effect types {@code polarity},
     * {@code gain}, {@code eq}, {@code compressor}, {@code reverb}, {@code width} and {@code pan}.
     * Only stages that are present appear.
     *
     * <p>The reverb is the one approximate step: sox's reverb adds {@code wet · g} to the
     * unchanged dry signal, while mixai's {@code reverb} crossfades, {@code (1 − m)·dry + m·wet}.
     * With {@code g = 10^(wet_gain_db/20)}, {@code m = g / (1 + g)} gives the same wet-to-dry
     * ratio, and the fader gain rises by {@code 20·log10(1 + g)} dB to restore the dry level.
     * The decay time is the reverberation time of sox's comb filters (see {@link #decaySeconds}).
     */
    public List<EffectSpec> toEffectSpecs() {
        List<EffectSpec> specs = new ArrayList<>();
        if (Boolean.TRUE.equals(polarityInvert)) {
            specs.add(spec("polarity", "invert_left", true, "invert_right", true));
        }
        if (inputGainDb != null) {
            specs.add(spec("gain", "gain_db", inputGainDb));
        }
        if (eq != null) {
            addEq(specs, eq);
        }
        if (compression != null) {
            specs.add(compressor(compression));
        }
        double reverbMakeupDb = 0;
        if (reverb != null && reverb.enabled()) {
            double g = Math.pow(10, ReverbSettings.orDefault(reverb.wetGainDb(), 0) / 20);
            specs.add(spec("reverb",
                    "decay_s", decaySeconds(ReverbSettings.orDefault(reverb.reverberance(), 50),
                            ReverbSettings.orDefault(reverb.roomScale(), 100)),
                    "predelay_ms", ReverbSettings.orDefault(reverb.preDelayMs(), 0),
                    "damping_percent", ReverbSettings.orDefault(reverb.hfDamping(), 50),
                    "size_percent", ReverbSettings.orDefault(reverb.roomScale(), 100),
                    "width_percent", ReverbSettings.orDefault(reverb.stereoDepth(), 100),
                    "mix_percent", 100 * g / (1 + g)));
            reverbMakeupDb = 20 * Math.log10(1 + g);
        }
        if (gainDb != null || reverbMakeupDb != 0) {
            specs.add(spec("gain", "gain_db", (gainDb != null ? gainDb : 0) + reverbMakeupDb));
        }
        if (widthPercent != null) {
            specs.add(spec("width", "width_percent", widthPercent));
        }
        if (pan != null) {
            specs.add(spec("pan", "pan", pan));
        }
        return specs;
    }

    /**
     * The reverberation time (RT60) of sox's {@code reverb}, whose Freeverb-style comb filters
     * have a mean loop delay of 1378 samples at 44.1 kHz (31.2 ms) scaled by
     * {@code 0.1 + 0.9·room_scale/100}, and a feedback {@code g} that rises from 0.3 at
     * reverberance 0 to 0.98 at 100 as {@code g = 1 − exp((r − b)/(a·b))} with
     * {@code a = −1/ln(0.7)}, {@code b = 100/(a·ln(0.02) + 1)}. A comb with loop delay D and
     * feedback g decays by 60 dB in {@code −3·D / log10(g)} seconds. Clamped to [0.1, 20] s.
     */
    static double decaySeconds(double reverberancePercent, double roomScalePercent) {
        double a = -1 / Math.log(1 - 0.3);
        double b = 100 / (a * Math.log(1 - 0.98) + 1);
        double feedback = 1 - Math.exp((reverberancePercent - b) / (a * b));
        double loopSeconds = 1378.0 / 44100 * (0.1 + 0.9 * roomScalePercent / 100);
        double rt60 = -3 * loopSeconds / Math.log10(feedback);
        return Math.max(0.1, Math.min(20, rt60));
    }

    private static void addEq(List<EffectSpec> specs, EqSettings eq) {
        List<Map<String, Object>> bands = new ArrayList<>();
        if (eq.lowCutHz() != null) {
            bands.add(cut("low_cut", eq.lowCutHz(), eq.slopeDbPerOct()));
        }
        if (eq.highCutHz() != null) {
            bands.add(cut("high_cut", eq.highCutHz(), eq.slopeDbPerOct()));
        }
        for (EqBand band : eq.bands()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("type", band.type().eqChoice());
            b.put("freq_hz", band.freqHz());
            b.put("gain_db", band.gainDb());
            b.put("q", band.q());
            bands.add(b);
        }
        for (int first = 0; first < bands.size(); first += EQ_BANDS_PER_INSTANCE) {
            Map<String, Object> params = new LinkedHashMap<>();
            for (int n = 1; n <= EQ_BANDS_PER_INSTANCE; n++) {
                int index = first + n - 1;
                if (index < bands.size()) {
                    for (Map.Entry<String, Object> e : bands.get(index).entrySet()) {
                        params.put("band" + n + "_" + e.getKey(), e.getValue());
                    }
                } else {
                    // Unused bands are switched off explicitly, whatever the effect's defaults are.
                    params.put("band" + n + "_type", "off");
                }
            }
            params.put("linear_phase", false);
            specs.add(new EffectSpec("eq", params));
        }
    }

    private static Map<String, Object> cut(String type, double freqHz, double slope) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", type);
        b.put("freq_hz", freqHz);
        b.put("q", CUT_Q);
        b.put("slope_db_oct", slope);
        return b;
    }

    private static EffectSpec compressor(CompressionSettings c) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("threshold_db", c.thresholdDb());
        params.put("ratio", c.ratio());
        putIfPresent(params, "knee_db", c.kneeDb());
        putIfPresent(params, "attack_ms", c.attackMs());
        putIfPresent(params, "release_ms", c.releaseMs());
        putIfPresent(params, "makeup_db", c.makeupDb());
        // The metadata states its make-up gain; automatic make-up would add more.
        params.put("auto_makeup", false);
        if (c.detection() != null) {
            params.put("detection", c.detection());
        }
        return new EffectSpec("compressor", params);
    }

    private static void putIfPresent(Map<String, Object> params, String id, Double value) {
        if (value != null) {
            params.put(id, value);
        }
    }

    private static EffectSpec spec(String type, Object... idsAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            params.put((String) idsAndValues[i], idsAndValues[i + 1]);
        }
        return new EffectSpec(type, params);
    }
}
