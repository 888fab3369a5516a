package io.mixai.audio.resample;

/**
 * The continuous low-pass kernel of the resampler: an ideal low-pass (sinc) shaped by a Kaiser
 * window, as a function of time measured in input samples.
 *
 * <p>Design after J. F. Kaiser, "Nonrecursive digital filter design using the I0-sinh window
 * function", Proc. IEEE ISCAS 1974, in the form of Oppenheim &amp; Schafer, <i>Discrete-Time
 * Signal Processing</i>, 3rd ed., §7.5.3: for a stopband attenuation of {@code A} dB and a
 * transition width {@code Δf} (cycles per sample), {@code β = 0.1102 (A − 8.7)} and the window
 * spans {@code N − 1 = (A − 7.95) / (14.36 Δf)} samples.
 *
 * <p>The transition band lies between 0.9 and 1.0 × the lower of the two Nyquist frequencies, so
 * the passband reaches 0.9 × the lower Nyquist frequency and everything at or above the lower
 * Nyquist frequency — what would alias when going down or form images when going up — is in
 * the stopband.
 */
final class KaiserSincKernel {

    /**
     * Stopband attenuation designed for. Kaiser's formulas are approximate; 110 dB leaves a margin
     * over the −100 dB that is promised and measured.
     */
    static final double STOPBAND_ATTENUATION_DB = 110.0;

    /** Passband edge as a fraction of the lower Nyquist frequency. */
    static final double PASSBAND_EDGE = 0.9;

    /** The −6 dB frequency in cycles per input sample. */
    private final double cutoff;
    private final double halfWidth;
    private final double beta;
    private final double inverseI0Beta;

    /**
     * @param inputRate  input sample rate in Hz
     * @param outputRate output sample rate in Hz
     */
    KaiserSincKernel(int inputRate, int outputRate) {
        // Lower Nyquist frequency in cycles per input sample: 0.5 when going up, less going down.
        double lowerNyquist = 0.5 * Math.min(1.0, outputRate / (double) inputRate);
        double passbandEdge = PASSBAND_EDGE * lowerNyquist;
        double transitionWidth = lowerNyquist - passbandEdge;
        // The -6 dB point of a windowed sinc sits at its cutoff, midway through the transition.
        this.cutoff = 0.5 * (passbandEdge + lowerNyquist);
        double a = STOPBAND_ATTENUATION_DB;
        this.beta = 0.1102 * (a - 8.7);
        double span = (a - 7.95) / (14.36 * transitionWidth);
        this.halfWidth = 0.5 * span;
        this.inverseI0Beta = 1.0 / besselI0(beta);
    }

    /** Half the window length in input samples: the kernel is zero for |t| &gt; halfWidth. */
    double halfWidth() {
        return halfWidth;
    }

    /**
     * The kernel at {@code t} input samples from its centre, scaled for unit gain at DC
     * (its samples at integer spacing sum to about 1).
     */
    double valueAt(double t) {
        double u = t / halfWidth;
        if (u > 1.0 || u < -1.0) {
            return 0.0;
        }
        double window = besselI0(beta * StrictMath.sqrt(1.0 - u * u)) * inverseI0Beta;
        return 2.0 * cutoff * sinc(2.0 * cutoff * t) * window;
    }

    /** sin(πx)/(πx); StrictMath keeps the tables identical on every JVM. */
    private static double sinc(double x) {
        if (x == 0.0) {
            return 1.0;
        }
        double px = Math.PI * x;
        return StrictMath.sin(px) / px;
    }

    /**
     * The modified Bessel function of the first kind, order 0, by its power series
     * I0(x) = Σ ((x/2)^k / k!)^2 (Abramowitz &amp; Stegun 9.6.12), summed until the terms no
     * longer change the result.
     */
    static double besselI0(double x) {
        double halfX = 0.5 * x;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 500; k++) {
            double ratio = halfX / k;
            term *= ratio * ratio;
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
