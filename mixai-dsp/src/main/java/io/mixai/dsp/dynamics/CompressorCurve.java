package io.mixai.dsp.dynamics;

/**
 * The compressor's static curve: output level against input level, in dB, for a threshold
 * {@code T}, ratio {@code R} and knee width {@code W} (Giannoulis, Massberg and Reiss 2012,
 * eq. 4):
 *
 * <pre>
 *   y = x                                       if 2 (x - T) &lt; -W
 *   y = x + (1/R - 1) (x - T + W/2)² / (2 W)    if 2 |x - T| &lt;= W
 *   y = T + (x - T) / R                         if 2 (x - T) &gt;  W
 * </pre>
 */
public final class CompressorCurve {

    private CompressorCurve() {
    }

    /** The output level in dB for an input level {@code x} in dB. */
    public static double outputDb(double x, double thresholdDb, double ratio, double kneeDb) {
        double over = x - thresholdDb;
        if (2 * over < -kneeDb) {
            return x;
        }
        if (kneeDb > 0 && 2 * Math.abs(over) <= kneeDb) {
            double d = over + kneeDb / 2;
            return x + (1 / ratio - 1) * d * d / (2 * kneeDb);
        }
        return thresholdDb + over / ratio;
    }

    /** The gain in dB (zero or negative) the curve applies at input level {@code x} dB. */
    public static double gainDb(double x, double thresholdDb, double ratio, double kneeDb) {
        return outputDb(x, thresholdDb, ratio, kneeDb) - x;
    }

    /**
     * The automatic make-up gain: the gain that brings a 0 dBFS input back to 0 dBFS after the
     * curve, {@code -gainDb(0)} (the choice Giannoulis et al. describe), so the curve's top end
     * is restored and everything below it is raised.
     */
    public static double autoMakeupDb(double thresholdDb, double ratio, double kneeDb) {
        return -gainDb(0, thresholdDb, ratio, kneeDb);
    }
}
