package io.mixai.settings;

/**
 * A stem's reverb send ({@code reverb} in the metadata), in the terms of sox's {@code reverb}
 * effect, which rendered the dataset: the wet signal is added to the unchanged dry signal.
 * Null fields were absent and take sox's defaults (reverberance 50 %, HF damping 50 %, room
 * scale 100 %, stereo depth 100 %, pre-delay 0 ms, wet gain 0 dB).
 *
 * @param enabled false: no reverb, and the other fields are absent
 * @param reverberance amount of reverberation in % ({@code reverberance})
 * @param hfDamping high-frequency damping in % ({@code hf_damping})
 * @param roomScale room size in % ({@code room_scale})
 * @param stereoDepth stereo spread of the wet signal in % ({@code stereo_depth})
 * @param preDelayMs delay before the reverberation starts ({@code pre_delay_ms})
 * @param wetGainDb level of the wet signal added to the dry one ({@code wet_gain_db})
 */
public record ReverbSettings(boolean enabled, Double reverberance, Double hfDamping, Double roomScale,
        Double stereoDepth, Double preDelayMs, Double wetGainDb) {

    /** No reverb ({@code {"enabled": false}}). */
    public static ReverbSettings disabled() {
        return new ReverbSettings(false, null, null, null, null, null, null);
    }

    static double orDefault(Double value, double soxDefault) {
        return value != null ? value : soxDefault;
    }
}
