package io.mixai.dsp.filter;

/**
 * Designs one second-order section in place, into a slot of a {@code double[]}, so the audio
 * thread can recompute coefficients without allocating.
 *
 * <p>The responses are those of the RBJ Audio EQ Cookbook (R. Bristow-Johnson): an analog
 * prototype mapped by the bilinear transform pre-warped at the section frequency. They are
 * realised as a topology-preserving-transform state-variable filter (V. Zavalishin, "The Art of
 * VA Filter Design", ch. 4; A. Simper, "Linear trapezoidal integrated SVF", 2013). That
 * structure is a bilinear (trapezoidal) discretisation too, so its response equals the
 * cookbook's exactly, but unlike direct-form biquads it stays accurate when the pole sits
 * very close to z = 1 (low frequency relative to the sample rate, high Q) and it tolerates
 * coefficient changes while running.
 *
 * <p>With the SVF's normalised analog outputs {@code hp = s²/D}, {@code bp = s/D},
 * {@code lp = 1/D}, {@code D = s² + k s + 1}, a prototype {@code (b2 s² + b1 s + b0) / D} is
 * {@code m0·x + m1·bp + m2·lp} with {@code m0 = b2, m1 = b1 - k b2, m2 = b0 - b2}.
 */
final class SvfDesign {

    /** Doubles per section in a coefficient array. */
    static final int STRIDE = 11;
    // The design: tuning g = tan(pi f/fs), damping k and the output mix m0, m1, m2.
    static final int G = 0;
    static final int K = 1;
    static final int M0 = 2;
    static final int M1 = 3;
    static final int M2 = 4;
    // Derived from the design by derive(), for the per-sample step (see there).
    static final int A = 5;
    static final int C = 6;
    static final int B = 7;
    static final int D = 8;
    static final int E1 = 9;
    static final int E2 = 10;

    static final int IDENTITY = 0;
    static final int LOW_PASS = 1;
    static final int HIGH_PASS = 2;
    static final int PEAK = 3;
    static final int LOW_SHELF = 4;
    static final int HIGH_SHELF = 5;

    /**
     * Design frequencies are clamped to this fraction of the sample rate: the bilinear
     * transform maps Nyquist to infinity, so a section must stay below it (a 24 kHz setting at
     * 44.1 kHz becomes 21.6 kHz).
     */
    static final double MAX_FREQUENCY_FRACTION = 0.49;

    private SvfDesign() {
    }

    static double clampFrequency(double freqHz, double sampleRate) {
        return Math.max(1e-3, Math.min(freqHz, MAX_FREQUENCY_FRACTION * sampleRate));
    }

    /**
     * Writes section {@code kind} into {@code c[offset .. offset + STRIDE)}.
     *
     * @param q      the cookbook Q (for shelves: the Q of the cookbook's shelf prototype)
     * @param gainDb the gain of peaks and shelves; ignored otherwise
     */
    static void design(int kind, double sampleRate, double freqHz, double q, double gainDb, double[] c, int offset) {
        double g = Math.tan(Math.PI * clampFrequency(freqHz, sampleRate) / sampleRate);
        double k = 1.0 / q;
        double a = Math.pow(10.0, gainDb / 40.0); // the cookbook's A = sqrt of the linear gain
        double m0;
        double m1;
        double m2;
        switch (kind) {
            case LOW_PASS: // 1 / (s² + s/Q + 1)
                m0 = 0;
                m1 = 0;
                m2 = 1;
                break;
            case HIGH_PASS: // s² / (s² + s/Q + 1)
                m0 = 1;
                m1 = -k;
                m2 = -1;
                break;
            case PEAK: // (s² + s A/Q + 1) / (s² + s/(A Q) + 1)
                k = 1.0 / (q * a);
                m0 = 1;
                m1 = k * (a * a - 1);
                m2 = 0;
                break;
            case LOW_SHELF:
                // A (s² + s √A/Q + A) / (A s² + s √A/Q + 1); with s' = √A s the denominator is
                // s'² + s'/Q + 1, i.e. an SVF tuned to f0 / A^(1/4) in warped frequency.
                g /= Math.sqrt(a);
                m0 = 1;
                m1 = k * (a - 1);
                m2 = a * a - 1;
                break;
            case HIGH_SHELF:
                // A (A s² + s √A/Q + 1) / (s² + s √A/Q + A); with s' = s / √A likewise.
                g *= Math.sqrt(a);
                m0 = a * a;
                m1 = k * (1 - a) * a;
                m2 = 1 - a * a;
                break;
            case IDENTITY:
                g = 0;
                k = 2;
                m0 = 1;
                m1 = 0;
                m2 = 0;
                break;
            default:
                throw new IllegalArgumentException("unknown section kind " + kind);
        }
        c[offset + G] = g;
        c[offset + K] = k;
        c[offset + M0] = m0;
        c[offset + M1] = m1;
        c[offset + M2] = m2;
        derive(c, offset);
    }

    /**
     * Computes a section's step coefficients {@code A, C, B, D, E1, E2} from its {@code g, k,
     * m0, m1, m2}. Simper's trapezoidal SVF solves its two integrators' implicit equations as
     * {@code v3 = x - ic2}, {@code v1 = a1 ic1 + a2 v3}, {@code v2 = ic2 + a2 ic1 + a3 v3}
     * ({@code a1 = 1/(1 + g(g + k))}, {@code a2 = g a1}, {@code a3 = g a2}), updates the states
     * by {@code ic = 2v - ic} and outputs {@code y = m0 x + m1 v1 + m2 v2}. Substituting gives
     * the same filter as
     * <pre>
     *   v3   = x - ic2
     *   y    = D x + (E1 ic1 + E2 ic2)
     *   ic1 += A v3 - C ic1
     *   ic2 += A ic1 + B v3          (ic1 and ic2 on the right: the old states)
     * </pre>
     * with {@code A = 2 a2}, {@code C = 2 (1 - a1) = 2 a2 (g + k)}, {@code B = 2 a3},
     * {@code D = m0 + m1 a2 + m2 a3}, {@code E1 = m1 a1 + m2 a2} and
     * {@code E2 = m2 (1 - a3) - m1 a2 = m2 a1 (1 + g k) - m1 a2}. The states still move by
     * increments computed from small terms, as in the SVF (so a pole close to z = 1 keeps its
     * precision: no coefficient of the recursion is 1 minus something small), but a step costs
     * 7 multiplications and 7 additions instead of 9 and 8, and the output no longer waits for
     * the state update, which shortens the chain from one section's input to the next's.
     */
    static void derive(double[] c, int offset) {
        double g = c[offset + G];
        double k = c[offset + K];
        double m0 = c[offset + M0];
        double m1 = c[offset + M1];
        double m2 = c[offset + M2];
        double a1 = 1.0 / (1.0 + g * (g + k));
        double a2 = g * a1;
        double a3 = g * a2;
        c[offset + A] = 2 * a2;
        c[offset + C] = 2 * a2 * (g + k);
        c[offset + B] = 2 * a3;
        c[offset + D] = m0 + m1 * a2 + m2 * a3;
        c[offset + E1] = m1 * a1 + m2 * a2;
        c[offset + E2] = m2 * a1 * (1 + g * k) - m1 * a2;
    }

    /**
     * The magnitude of a section at the digital frequency whose pre-warped value is
     * {@code warped = tan(pi f / fs)} ({@code Double.POSITIVE_INFINITY} at Nyquist): the
     * bilinear transform maps {@code z = e^{jw}} to the analog {@code s = j tan(w/2) / g}, so
     * this is the discrete filter's exact response.
     */
    static double magnitude(double[] c, int offset, double warped) {
        double g = c[offset + G];
        double k = c[offset + K];
        double m0 = c[offset + M0];
        double m1 = c[offset + M1];
        double m2 = c[offset + M2];
        if (g == 0) {
            return Math.abs(m0); // identity: with g = 0 the integrators never move
        }
        if (Double.isInfinite(warped)) {
            return Math.abs(m0); // s -> infinity: only the high-pass path remains
        }
        double w = warped / g;
        double w2 = w * w;
        // H(jw) = (m0 (1 - w²) + m2 + j (m0 k + m1) w) / ((1 - w²) + j k w)
        double numRe = m0 * (1 - w2) + m2;
        double numIm = (m0 * k + m1) * w;
        double denRe = 1 - w2;
        double denIm = k * w;
        return Math.sqrt((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
    }
}
