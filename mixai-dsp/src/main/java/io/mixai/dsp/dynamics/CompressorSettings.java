package io.mixai.dsp.dynamics;

import io.mixai.param.ParameterSet;

/**
 * A primitive copy of a {@code compressor} parameter set, owned by the audio thread and refilled
 * in place (no allocation) when a new parameter set is picked up.
 */
final class CompressorSettings {

    /** Index of RMS detection, so a load need not look the choice up by name (which allocates). */
    private static final int RMS_CHOICE = CompressorProvider.DETECTION_CHOICES.indexOf("rms");

    double thresholdDb;
    double ratio;
    double kneeDb;
    double attackMs;
    double releaseMs;
    /** Manual plus (when enabled) automatic make-up gain. */
    double makeupDb;
    boolean rms;
    /** Stereo link as a fraction 0..1. */
    double link;
    double lookaheadMs;

    /** Takes the values of a {@code compressor} parameter set. */
    void load(ParameterSet p) {
        thresholdDb = p.get("threshold_db");
        ratio = p.get("ratio");
        kneeDb = p.get("knee_db");
        attackMs = p.get("attack_ms");
        releaseMs = p.get("release_ms");
        double auto = p.getBoolean("auto_makeup") ? CompressorCurve.autoMakeupDb(thresholdDb, ratio, kneeDb) : 0;
        makeupDb = p.get("makeup_db") + auto;
        rms = (int) Math.rint(p.get("detection")) == RMS_CHOICE;
        link = p.get("stereo_link_percent") / 100.0;
        lookaheadMs = p.get("lookahead_ms");
    }
}
