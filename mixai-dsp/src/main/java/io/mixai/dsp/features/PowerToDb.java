package io.mixai.dsp.features;

import io.mixai.param.InvalidParameterException;

/**
 * {@code librosa.power_to_db(S, ref, amin, top_db)} (librosa 0.11.0; same in 0.9 and 0.10):
 * {@code 10 log10(max(amin, S)) - 10 log10(max(amin, |ref|))}, then clipped from below at
 * {@code max - top_db}. Defaults {@code ref=1.0, amin=1e-10, top_db=80}.
 *
 * <p>The maximum for {@code top_db} (and for {@code ref=np.max}) is taken over the whole array:
 * every frame, every band and, for multichannel input, every channel, as released librosa
 * does (the per-channel variant exists only on librosa's unreleased main branch). The result
 * therefore depends on the whole clip. Arithmetic follows numpy's float32 rounding points.
 */
public final class PowerToDb {

    /** librosa's defaults. */
    public static final double DEFAULT_REF = 1.0;
    public static final double DEFAULT_AMIN = 1e-10;
    public static final double DEFAULT_TOP_DB = 80.0;

    private PowerToDb() {
    }

    /** power_to_db(S) with librosa's defaults (ref 1.0, amin 1e-10, top_db 80). */
    public static float[][] apply(float[][] s) {
        return apply(new float[][][] {s}, DEFAULT_REF, DEFAULT_AMIN, DEFAULT_TOP_DB)[0];
    }

    /** power_to_db over all channels at once (one global max), librosa's defaults. */
    public static float[][][] apply(float[][][] s) {
        return apply(s, DEFAULT_REF, DEFAULT_AMIN, DEFAULT_TOP_DB);
    }

    /**
     * power_to_db with a fixed reference. {@code topDb = Double.POSITIVE_INFINITY} disables the
     * clipping (librosa's {@code top_db=None}).
     */
    public static float[][][] apply(float[][][] s, double ref, double amin, double topDb) {
        checkArgs(amin, topDb);
        // The reference is a Python float in librosa: log10 runs in double, then it is subtracted
        // in place from the float32 array.
        double refDb = 10.0 * Math.log10(Math.max(amin, Math.abs(ref)));
        return convert(s, refDb, (float) amin, topDb);
    }

    /** power_to_db(S, ref=np.max): 0 dB at the largest value over all channels. */
    public static float[][][] applyRefMax(float[][][] s, double amin, double topDb) {
        checkArgs(amin, topDb);
        float max = Float.NEGATIVE_INFINITY;
        for (float[][] ch : s) {
            for (float[] row : ch) {
                for (float v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        // np.max of a float32 array is a float32 scalar, so its log runs in float32.
        float refDb = 10.0f * (float) Math.log10(Math.max((float) amin, max));
        return convert(s, refDb, (float) amin, topDb);
    }

    private static void checkArgs(double amin, double topDb) {
        if (!(amin > 0)) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "amin", "must be strictly positive, got " + amin);
        }
        if (!(topDb >= 0)) {
            throw new InvalidParameterException(FeatureConfig.OWNER, "top_db", "must be non-negative, got " + topDb);
        }
    }

    private static float[][][] convert(float[][][] s, double refDb, float amin, double topDb) {
        float[][][] out = new float[s.length][][];
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < s.length; c++) {
            out[c] = new float[s[c].length][];
            for (int r = 0; r < s[c].length; r++) {
                float[] in = s[c][r];
                float[] db = new float[in.length];
                for (int t = 0; t < in.length; t++) {
                    float log = (float) Math.log10(Math.max(amin, in[t])); // np.log10 on float32
                    float v = (float) (10.0f * log - refDb);
                    db[t] = v;
                    max = Math.max(max, v);
                }
                out[c][r] = db;
            }
        }
        if (topDb != Double.POSITIVE_INFINITY) {
            float floor = (float) (max - topDb);
            for (float[][] ch : out) {
                for (float[] row : ch) {
                    for (int t = 0; t < row.length; t++) {
                        row[t] = Math.max(row[t], floor);
                    }
                }
            }
        }
        return out;
    }
}
