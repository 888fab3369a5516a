package io.mixai.master;

import io.mixai.param.InvalidParameterException;

/**
 * Taste, applied on top of the target or the reference match.
 *
 * @param brightnessDb    tonal tilt in dB per decade, pivoting at 1 kHz: +2 lifts 10 kHz by
 *                        2 dB and lowers 100 Hz by 2 dB. Range [-4, 4], default 0.
 * @param warmthDb        low-end warmth: a low shelf of this gain around 150 Hz (full below
 *                        about 80 Hz). Range [-6, 6] dB, default 0.
 * @param widthPercent    stereo width: side level in percent of what it would otherwise be,
 *                        above 150 Hz only (the bass is never widened). Range [50, 150], default 100.
 * @param dynamicsPercent how much of the peak reduction that reaching the loudness needs is done
 *                        by a compressor ahead of the limiter: 0 is pure limiting, 100 gives the
 *                        compressor as much as it may take (at most 6 dB). Range [0, 100], default 30.
 *                        Target mode only: in reference mode the references' crest decides, by
 *                        {@link MatchAmounts#dynamicsPercent()}.
 */
public record Preferences(double brightnessDb, double warmthDb, double widthPercent, double dynamicsPercent) {

    /** Neutral taste: no tilt, no warmth, width unchanged, 30 % of the peak reduction by compression. */
    public static final Preferences DEFAULT = new Preferences(0, 0, 100, 30);

    public Preferences {
        check("brightness_db", brightnessDb, -4, 4);
        check("warmth_db", warmthDb, -6, 6);
        check("width_percent", widthPercent, 50, 150);
        check("dynamics_percent", dynamicsPercent, 0, 100);
    }

    public Preferences withBrightnessDb(double v) {
        return new Preferences(v, warmthDb, widthPercent, dynamicsPercent);
    }

    public Preferences withWarmthDb(double v) {
        return new Preferences(brightnessDb, v, widthPercent, dynamicsPercent);
    }

    public Preferences withWidthPercent(double v) {
        return new Preferences(brightnessDb, warmthDb, v, dynamicsPercent);
    }

    public Preferences withDynamicsPercent(double v) {
        return new Preferences(brightnessDb, warmthDb, widthPercent, v);
    }

    static void check(String id, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new InvalidParameterException("mastering", id, "must be in [" + min + ", " + max + "], got " + v);
        }
    }
}
