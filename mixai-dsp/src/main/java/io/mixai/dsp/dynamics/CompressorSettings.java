package io.mixai.dsp.dynamics;

import io.mixai.param.InvalidParameterException;
import io.mixai.param.ParameterSet;

/** An immutable primitive copy of a {@code compressor} parameter set, made off the audio thread. */
final class CompressorSettings {

    final ParameterSet source;
    final double thresholdDb;
    final double ratio;
    final double kneeDb;
    final double attackMs;
    final double releaseMs;
    /** Manual plus (when enabled) automatic make-up gain. */
    final double makeupDb;
    final boolean rms;
    /** Stereo link as a fraction 0..1. */
    final double link;
    final double lookaheadMs;

    CompressorSettings(ParameterSet p) {
        if (!CompressorProvider.TYPE.equals(p.effectType())) {
            throw new InvalidParameterException(CompressorProvider.TYPE, "(type)",
                    "got a parameter set for effect type '" + p.effectType() + "'");
        }
        this.source = p;
        this.thresholdDb = p.get("threshold_db");
        this.ratio = p.get("ratio");
        this.kneeDb = p.get("knee_db");
        this.attackMs = p.get("attack_ms");
        this.releaseMs = p.get("release_ms");
        double auto = p.getBoolean("auto_makeup") ? CompressorCurve.autoMakeupDb(thresholdDb, ratio, kneeDb) : 0;
        this.makeupDb = p.get("makeup_db") + auto;
        this.rms = "rms".equals(p.getChoice("detection"));
        this.link = p.get("stereo_link_percent") / 100.0;
        this.lookaheadMs = p.get("lookahead_ms");
    }
}
