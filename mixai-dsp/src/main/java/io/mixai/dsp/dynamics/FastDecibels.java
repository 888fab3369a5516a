package io.mixai.dsp.dynamics;

/**
 * Level ↔ decibel conversions for the compressor's per-sample gain computer, cheaper than
 * {@link Math#log10} and {@link Math#exp} and accurate to 5e-10 dB, 1000 times finer than a
 * float sample can show (a float's resolution is 5e-7 dB); {@code FastDecibelsTest} checks them
 * against {@code Math.log10} and {@code Math.pow} on a million values and the edge cases. Both
 * are the classic table-plus-short-polynomial reductions (as in Tang, "Table-driven
 * implementation of the exponential function", ACM TOMS 15(2), 1989, and its logarithm
 * counterpart, ACM TOMS 16(4), 1990), with plain Taylor polynomials, so the bounds are easy
 * to check by hand:
 *
 * <ul>
 *   <li>{@link #tenLog10}: {@code x = 2^e · z}, z in [1, 2), from the IEEE 754 bits;
 *       {@code z = c (1 + r)} with {@code c} the centre of the 1/128-wide cell that holds
 *       {@code z} (so {@code |r| <= 1/257}), {@code ln z = ln c + ln(1 + r)}, {@code ln c}
 *       from a table and {@code ln(1 + r) ≈ r - r²/2 + r³/3}. Truncation: below
 *       {@code |r|⁴ / 4 / (1 - |r|) = 5.8e-11} in ln, i.e. <b>5.0e-10 dB</b> of amplitude
 *       (2.5e-10 dB of power); rounding adds a few ulps of the result (1e-13 dB at 300 dB).</li>
 *   <li>{@link #dbToGain}: {@code 10^(dB/20) = 2^t}, {@code t = (n + j/64) + f} with
 *       {@code |f| <= 1/128}; {@code 2^(j/64)} from a table, {@code 2^n} added to its
 *       exponent bits, {@code 2^f = e^u}, {@code u = f ln 2}, by its Taylor polynomial to
 *       {@code u³}. Truncation: below {@code |u|⁴ / 4! · e^|u| = 3.6e-11} relative, i.e.
 *       <b>3.2e-10 dB</b>; rounding a few ulps (1e-15 dB each).</li>
 * </ul>
 */
final class FastDecibels {

    /** The amplitude of -300 dB: anything at or below it (silence too) is that finite level. */
    private static final double MIN_AMPLITUDE = 1e-15;
    /** The power of -300 dB. */
    private static final double MIN_POWER = 1e-30;

    private static final int LOG_CELL_BITS = 7;
    private static final int LOG_CELLS = 1 << LOG_CELL_BITS;
    private static final long MANTISSA_MASK = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
    /** 10 log10 of each cell's centre, and the centre's reciprocal. */
    private static final double[] CENTRE_DB = new double[LOG_CELLS];
    private static final double[] CENTRE_INVERSE = new double[LOG_CELLS];

    private static final int EXP_STEPS = 64;
    /** The bits of 2^(j/64), j = 0..63. */
    private static final long[] STEP_BITS = new long[EXP_STEPS];

    /** dB (power) per factor of two, and per unit of ln. */
    private static final double DB_PER_OCTAVE = 10 * Math.log10(2);
    private static final double DB_PER_NEPER = 10 / Math.log(10);
    /** log2 of the gain per dB (amplitude). */
    private static final double LOG2_PER_DB = Math.log(10) / (20 * Math.log(2));
    private static final double LN2 = Math.log(2);
    /** Beyond ±1000 octaves the gain is out of any float's range anyway (and 2^n stays normal). */
    private static final double MAX_OCTAVES = 1000;

    static {
        for (int j = 0; j < LOG_CELLS; j++) {
            double centre = centre(j);
            CENTRE_DB[j] = 10 * Math.log10(centre);
            CENTRE_INVERSE[j] = 1 / centre;
        }
        for (int j = 0; j < EXP_STEPS; j++) {
            STEP_BITS[j] = Double.doubleToRawLongBits(Math.pow(2, j / (double) EXP_STEPS));
        }
    }

    private FastDecibels() {
    }

    /** The centre of log cell {@code j}, {@code 1 + (j + 1/2) / 128}, exactly. */
    private static double centre(int j) {
        return 1 + (j + 0.5) / LOG_CELLS;
    }

    /** {@code 20 log10 a} for {@code a >= 0}; at or below 1e-15 (silence too), the level of 1e-15 (-300 dB within rounding). */
    static double amplitudeToDb(double a) {
        return 2 * tenLog10(a > MIN_AMPLITUDE ? a : MIN_AMPLITUDE);
    }

    /** {@code 10 log10 p} for {@code p >= 0}; at or below 1e-30 (silence too), the level of 1e-30 (-300 dB within rounding). */
    static double powerToDb(double p) {
        return tenLog10(p > MIN_POWER ? p : MIN_POWER);
    }

    /**
     * {@code 10 log10 x} for a positive, finite, normal {@code x} (callers guarantee it; a
     * subnormal, zero, negative or non-finite {@code x} gives garbage, not an exception).
     */
    static double tenLog10(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) - 1023;
        int j = (int) (bits >>> (52 - LOG_CELL_BITS)) & (LOG_CELLS - 1);
        double z = Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS);
        double r = (z - centre(j)) * CENTRE_INVERSE[j]; // z - centre is exact
        double ln1p = r * (1 + r * (-0.5 + r * (1.0 / 3)));
        return e * DB_PER_OCTAVE + (CENTRE_DB[j] + DB_PER_NEPER * ln1p);
    }

    /** {@code 10^(db / 20)}; exactly 1 for 0 dB. */
    static double dbToGain(double db) {
        double t = db * LOG2_PER_DB;
        if (!(Math.abs(t) <= MAX_OCTAVES)) { // also NaN, which callers never pass
            t = t > 0 ? MAX_OCTAVES : -MAX_OCTAVES;
        }
        double steps = Math.rint(t * EXP_STEPS);
        long k = (long) steps;
        double u = (t - steps / EXP_STEPS) * LN2; // the subtraction is exact
        double p = 1 + u * (1 + u * (0.5 + u * (1.0 / 6)));
        long octaves = k >> 6; // floor(k / 64)
        return p * Double.longBitsToDouble(STEP_BITS[(int) k & (EXP_STEPS - 1)] + (octaves << 52));
    }
}
